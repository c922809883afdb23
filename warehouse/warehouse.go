// Package warehouse is the one place that opens the DuckDB file. Every other
// package receives a *DB from here, so session setup (threads, memory limit,
// time zone, offline extension policy) is decided once.
package warehouse

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Options configure how the database file is opened.
type Options struct {
	// ReadOnly opens the file with access_mode=read_only, so any number of
	// readers can work while no load runs.
	ReadOnly bool
	// Threads is DuckDB's worker thread count; 0 means one per core.
	Threads int
	// MemoryLimit is DuckDB's memory_limit, e.g. "4GB"; empty means DuckDB's default.
	MemoryLimit string
	// TempDirectory is where DuckDB spills; empty means next to the database file.
	TempDirectory string
}

// DB is an open DuckDB database file.
type DB struct {
	*sql.DB
	connector *duckdb.Connector
	Path      string
	ReadOnly  bool
}

// Open opens (or creates, unless read-only) the DuckDB file at path. An empty
// path or ":memory:" opens an in-memory database, used by tests.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if path == ":memory:" {
		path = ""
	}
	q := url.Values{}
	// Only parquet, json and icu are linked in; never try to download an
	// extension, so an offline failure is immediate and clear.
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	threads := opt.Threads
	if threads <= 0 {
		threads = runtime.NumCPU()
	}
	q.Set("threads", fmt.Sprint(threads))
	if opt.MemoryLimit != "" {
		q.Set("memory_limit", opt.MemoryLimit)
	}
	if opt.TempDirectory != "" {
		q.Set("temp_directory", opt.TempDirectory)
	}
	if opt.ReadOnly && path != "" {
		q.Set("access_mode", "read_only")
	}
	if err := checkFileKind(path); err != nil {
		return nil, err
	}
	dsn := path + "?" + q.Encode()
	connector, err := duckdb.NewConnector(dsn, func(execer driver.ExecerContext) error {
		// Dates are calendar dates; a fixed time zone keeps any timestamp
		// arithmetic from moving rows across quarter boundaries.
		for _, stmt := range []string{"SET TimeZone = 'UTC'"} {
			if _, err := execer.ExecContext(ctx, stmt, nil); err != nil {
				return fmt.Errorf("session setup %q: %w", stmt, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, openError(path, err)
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		connector.Close()
		return nil, openError(path, err)
	}
	return &DB{DB: db, connector: connector, Path: path, ReadOnly: opt.ReadOnly}, nil
}

// Close closes the pool and the connector, which checkpoints the WAL into the file.
func (d *DB) Close() error {
	return errors.Join(d.DB.Close(), d.connector.Close())
}

func displayPath(p string) string {
	if p == "" {
		return "(in memory)"
	}
	return p
}

// Querier is what *sql.DB, *sql.Conn and *sql.Tx have in common. Packages that
// only run SQL take a Querier, so the same code runs inside a load's
// transaction or on its own.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// QuoteIdent quotes an SQL identifier for DuckDB. It is the one place
// identifiers are quoted; values are always bound as parameters.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// checkFileKind refuses a file that exists but is no DuckDB database (a
// DuckDB file has "DUCK" at byte 8), before DuckDB tries it: DuckDB would
// take a SQLite file for its sqlite extension's and ask to install it.
func checkFileKind(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil // a new file, or DuckDB says why not
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	switch {
	case n == 0:
		return nil
	case n >= 16 && string(head) == "SQLite format 3\x00":
		return fmt.Errorf("open database %s: it is a SQLite database, not a DuckDB file (give --db a DuckDB file; a new name creates one)", path)
	case n < 12 || string(head[8:12]) != "DUCK":
		return fmt.Errorf("open database %s: not a DuckDB database file (give --db a DuckDB file; a new name creates one)", path)
	}
	return nil
}

var lockHolder = regexp.MustCompile(`Conflicting lock is held in (.*) \(PID (\d+)\)`)

// openError words DuckDB's open errors for a sipstat user: a lock held by
// another process says which and what to do (not the DuckDB CLI's flags).
func openError(path string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "Could not set lock on file") {
		who := "another process"
		if m := lockHolder.FindStringSubmatch(msg); m != nil {
			who = fmt.Sprintf("another process (%s, PID %s)", filepath.Base(m[1]), m[2])
		}
		return shortErr{fmt.Sprintf("open database %s: it is in use by %s; a load or transform needs it alone: wait until that command ends and try again (reading commands such as kpi, query and report can run together when none writes)", displayPath(path), who), err}
	}
	return fmt.Errorf("open database %s: %w", displayPath(path), err)
}

// shortErr shows one line while keeping the cause for errors.Is.
type shortErr struct {
	msg string
	err error
}

func (e shortErr) Error() string { return e.msg }
func (e shortErr) Unwrap() error { return e.err }
