package reporttest

import (
	"testing"
	"time"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

// PipelineAsOf is the sample's as-of date; its latest complete quarter is 2026Q3.
var PipelineAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

var pipeline = &pipelinetest.Cached{
	Name:    "reports",
	Options: sampledata.Options{SIPs: 3000, Seed: 7, AsOf: PipelineAsOf, FlawRate: 0.01},
}

// Pipeline runs the real pipeline once per test binary — sampledata.Generate
// (with data-quality flaws) → ingest.Load with transform.Build before commit
// — and returns the DuckDB file's path. Call Cleanup from TestMain.
func Pipeline(t testing.TB) string { return pipeline.Path(t) }

// Open opens the pipeline's database read-only, as reports do.
func Open(t testing.TB) *warehouse.DB { return pipeline.Open(t) }

// Cleanup removes the pipeline's files.
func Cleanup() { pipeline.Cleanup() }

// Main runs a test binary's tests and then Cleanup: a reports package's
// TestMain is `func TestMain(m *testing.M) { reporttest.Main(m) }`.
func Main(m *testing.M) { pipeline.Main(m) }
