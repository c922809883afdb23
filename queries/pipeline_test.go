package queries

import (
	"flag"
	"testing"
	"time"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

var update = flag.Bool("update", false, "rewrite docs/schema.md and the golden files from the sample database")

// sampleAsOf is the sample's as-of date; its quarter is 2026Q4.
var sampleAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

// sample is the real pipeline, run once per test binary as the CLI's load
// does: sampledata.Generate → ingest.Load with transform.Build (which
// documents the model) before the commit.
var sample = &pipelinetest.Cached{
	Name:    "queries",
	Options: sampledata.Options{SIPs: 2000, Seed: 11, AsOf: sampleAsOf, FlawRate: 0.01},
}

func TestMain(m *testing.M) {
	flag.Parse()
	sample.Main(m)
}

// samplePath returns the sample database file.
func samplePath(t testing.TB) string { return sample.Path(t) }

// openSample opens the sample database read-only, as query, schema, shell
// and export do.
func openSample(t testing.TB) *warehouse.DB { return sample.Open(t) }
