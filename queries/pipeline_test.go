package queries

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

var update = flag.Bool("update", false, "rewrite docs/schema.md and the golden files from the sample database")

// sampleAsOf is the sample's as-of date; its quarter is 2026Q4.
var sampleAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

var sample struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if sample.dir != "" {
		os.RemoveAll(sample.dir)
	}
	os.Exit(code)
}

// samplePath runs the real pipeline once per test binary, as the CLI's load
// does: sampledata.Generate → ingest.Load with transform.Build and
// ApplyComments before the commit. It returns the database file.
func samplePath(t testing.TB) string {
	t.Helper()
	sample.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "sipstat-queries-")
		if err != nil {
			sample.err = err
			return
		}
		sample.dir = dir
		extract := filepath.Join(dir, "extract")
		if _, err := sampledata.Generate(ctx, extract, sampledata.Options{SIPs: 2000, Seed: 11, AsOf: sampleAsOf, FlawRate: 0.01}); err != nil {
			sample.err = err
			return
		}
		path := filepath.Join(dir, "sip.duckdb")
		db, err := warehouse.Open(ctx, path, warehouse.Options{})
		if err != nil {
			sample.err = err
			return
		}
		settings := transform.DefaultSettings()
		_, err = ingest.Load(ctx, db, extract, ingest.Options{
			BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
				if err := transform.Build(ctx, conn, settings); err != nil {
					return err
				}
				return ApplyComments(ctx, conn)
			},
		})
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		sample.path, sample.err = path, err
	})
	if sample.err != nil {
		t.Fatalf("sample pipeline: %v", sample.err)
	}
	return sample.path
}

// openSample opens the sample database read-only, as query, schema, shell
// and export do.
func openSample(t testing.TB) *warehouse.DB {
	t.Helper()
	db, err := warehouse.Open(context.Background(), samplePath(t), warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
