package reporttest

import (
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

// PipelineAsOf is the sample's as-of date; its latest complete quarter is 2026Q3.
var PipelineAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

var pipeline struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// Pipeline runs the real pipeline once per test binary — sampledata.Generate
// (with data-quality flaws) → ingest.Load with transform.Build before commit
// — and returns the DuckDB file's path. Call Cleanup from TestMain.
func Pipeline(t testing.TB) string {
	t.Helper()
	pipeline.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "sipstat-reports-")
		if err != nil {
			pipeline.err = err
			return
		}
		pipeline.dir = dir
		pipeline.path, pipeline.err = pipelinetest.Sample(ctx, dir,
			sampledata.Options{SIPs: 3000, Seed: 7, AsOf: PipelineAsOf, FlawRate: 0.01})
	})
	if pipeline.err != nil {
		t.Fatalf("pipeline: %v", pipeline.err)
	}
	return pipeline.path
}

// Open opens the pipeline's database read-only, as reports do.
func Open(t testing.TB) *warehouse.DB {
	t.Helper()
	db, err := warehouse.Open(context.Background(), Pipeline(t), warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Cleanup removes the pipeline's files.
func Cleanup() {
	if pipeline.dir != "" {
		os.RemoveAll(pipeline.dir)
	}
}
