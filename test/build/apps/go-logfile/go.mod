module example.com/logfile

go 1.19
