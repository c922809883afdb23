package transform_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// TestScale loads a generated extract of SIPSTAT_SCALE SIPs (all counties,
// with flaws) through ingest with Build as BeforeCommit, and logs the time
// of Build alone and of a second Build on the loaded database. It only runs
// when SIPSTAT_SCALE is set; it asserts correctness facts, never a time.
func TestScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SIPSTAT_SCALE"))
	if n == 0 {
		t.Skip("set SIPSTAT_SCALE=200000 to run")
	}
	ctx := context.Background()
	dir := filepath.Join(os.TempDir(), "sipstat-scale-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		start := time.Now()
		if _, err := sampledata.Generate(ctx, dir, sampledata.Options{SIPs: n, Counties: []string{"all"}, FlawRate: 0.01}); err != nil {
			t.Fatal(err)
		}
		t.Logf("generate %d SIPs: %v", n, time.Since(start))
	}
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "scale.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var buildTime time.Duration
	start := time.Now()
	_, err = ingest.Load(ctx, db, dir, ingest.Options{BeforeCommit: func(ctx context.Context, c *sql.Conn) error {
		b := time.Now()
		err := transform.Build(ctx, c, transform.DefaultSettings())
		buildTime = time.Since(b)
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("load + build: %v (build inside the load: %v)", time.Since(start), buildTime)
	b := time.Now()
	if err := transform.Build(ctx, db, transform.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	t.Logf("rebuild: %v", time.Since(b))
	b = time.Now()
	vs, err := transform.Values(ctx, db, transform.Filter{Periods: []string{"2026Q3"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("values 2026Q3: %d rows in %v", len(vs), time.Since(b))
	var rows int64
	db.QueryRowContext(ctx, "select count(*) from kpi_values").Scan(&rows)
	t.Logf("kpi_values: %d rows", rows)
}
