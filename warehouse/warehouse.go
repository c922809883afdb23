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
	"net/url"
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
		return nil, fmt.Errorf("open database %s: %w", displayPath(path), err)
	}
	db := sql.OpenDB(connector)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		connector.Close()
		return nil, fmt.Errorf("open database %s: %w", displayPath(path), err)
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
