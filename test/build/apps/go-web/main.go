// A small notes service shaped like many real Go web apps: it stores rows in SQLite through the cgo
// driver mattn/go-sqlite3, and renders an html/template it parses from templates/ at start. For the
// test it renders one page to stdout and exits instead of serving it.
package main

import (
	"database/sql"
	"html/template"
	"log"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

type note struct {
	ID   int
	Text string
}

func main() {
	tmpl := template.Must(template.ParseGlob("templates/*.html"))
	db, err := sql.Open("sqlite3", "file:notes.db?mode=memory&cache=shared")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"); err != nil {
		log.Fatal(err)
	}
	for _, text := range []string{"build in one stage", "ship in another", "keep the templates"} {
		if _, err := db.Exec("INSERT INTO notes (text) VALUES (?)", text); err != nil {
			log.Fatal(err)
		}
	}
	rows, err := db.Query("SELECT id, text FROM notes ORDER BY id")
	if err != nil {
		log.Fatal(err)
	}
	var notes []note
	for rows.Next() {
		var n note
		if err := rows.Scan(&n.ID, &n.Text); err != nil {
			log.Fatal(err)
		}
		notes = append(notes, n)
	}
	var version string
	if err := db.QueryRow("SELECT sqlite_version()").Scan(&version); err != nil {
		log.Fatal(err)
	}
	if err := tmpl.ExecuteTemplate(os.Stdout, "index.html", map[string]any{"Notes": notes, "SQLite": version}); err != nil {
		log.Fatal(err)
	}
}
