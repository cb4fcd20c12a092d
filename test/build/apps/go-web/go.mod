module example.com/notes

go 1.19

require github.com/mattn/go-sqlite3 v1.14.16

// These machines reach Debian's mirror but no Go module proxy: the driver's source comes from
// Debian's golang-github-mattn-go-sqlite3-dev package, installed by the Dockerfile.
replace github.com/mattn/go-sqlite3 => /usr/share/gocode/src/github.com/mattn/go-sqlite3
