// Package pipelinetest runs the real pipeline for other packages' tests: a
// generated extract loaded into a DuckDB file with the models built inside
// the load's transaction, as `sipstat load` does. It exists so that tests of
// reports, queries and the KPI oracle build their databases one way.
package pipelinetest

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// Load loads the extract folder into the DuckDB file at dbPath (created if
// missing), building the models (and their documentation) with settings
// before the commit, as `sipstat load` does.
func Load(ctx context.Context, dbPath, extract string, settings transform.Settings) error {
	db, err := warehouse.Open(ctx, dbPath, warehouse.Options{})
	if err != nil {
		return err
	}
	_, err = ingest.Load(ctx, db, extract, ingest.Options{
		BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
			return transform.Build(ctx, conn, settings)
		},
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// Sample generates an extract into dir/extract and loads it with the default
// settings into dir/sip.duckdb, whose path it returns.
func Sample(ctx context.Context, dir string, opt sampledata.Options) (string, error) {
	extract := filepath.Join(dir, "extract")
	if _, err := sampledata.Generate(ctx, extract, opt); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "sip.duckdb")
	return path, Load(ctx, path, extract, transform.DefaultSettings())
}

// Cached is a generated sample loaded once per test binary and shared by the
// tests that read it: the first Path generates and loads it into a temporary
// folder; Cleanup (from TestMain) removes the folder.
type Cached struct {
	Name    string             // names the temporary folder: sipstat-<Name>-…
	Options sampledata.Options // the sample's options

	once sync.Once
	dir  string
	path string
	err  error
}

// Path returns the database file, generating and loading it on first use.
func (c *Cached) Path(t testing.TB) string {
	t.Helper()
	c.once.Do(func() {
		if c.dir, c.err = os.MkdirTemp("", "sipstat-"+c.Name+"-"); c.err != nil {
			return
		}
		c.path, c.err = Sample(context.Background(), c.dir, c.Options)
	})
	if c.err != nil {
		t.Fatalf("sample pipeline: %v", c.err)
	}
	return c.path
}

// Open opens the database read-only, as the CLI's reading commands do, and
// closes it when the test ends.
func (c *Cached) Open(t testing.TB) *warehouse.DB {
	t.Helper()
	db, err := warehouse.Open(context.Background(), c.Path(t), warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Cleanup removes the sample's files, if any were made.
func (c *Cached) Cleanup() {
	if c.dir != "" {
		os.RemoveAll(c.dir)
	}
}

// Main runs a test binary's tests and removes the sample's files before it
// exits: a package's TestMain is `func TestMain(m *testing.M) { c.Main(m) }`.
func (c *Cached) Main(m *testing.M) {
	code := m.Run()
	c.Cleanup()
	os.Exit(code)
}
