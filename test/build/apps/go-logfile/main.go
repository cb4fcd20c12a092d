// A program shaped like go__veben__go_random_logger: it appends to a log file at an absolute path
// it does not create the folder of, and stops when it cannot open it. Run as root on the toolchain
// image that works; the converted image runs as nonroot and must provide the file, writable.
package main

import (
	"fmt"
	"os"
)

const logFilePath = "/var/log/stagecraft-logfile.log"

func main() {
	logFile, err := os.OpenFile(logFilePath, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		fmt.Printf("cannot open the log file: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintln(logFile, "started")
	if err := logFile.Close(); err != nil {
		fmt.Printf("cannot write the log file: %v\n", err)
		os.Exit(1)
	}
	written, err := os.ReadFile(logFilePath)
	if err != nil {
		fmt.Printf("cannot read the log file back: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s holds %q\n", logFilePath, string(written))
}
