package queries

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
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
		sample.path, sample.err = pipelinetest.Sample(ctx, dir,
			sampledata.Options{SIPs: 2000, Seed: 11, AsOf: sampleAsOf, FlawRate: 0.01},
			func(ctx context.Context, conn *sql.Conn) error { return ApplyComments(ctx, conn) })
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
