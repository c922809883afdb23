package transform

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/warehouse"
)

// loadFixture loads a fixture extract (CSV in contract form) with
// ingest.Load, the loader the CLI uses, and fails the test if any row is
// rejected: every fixture row is meant to load (the inconsistent ones are
// flagged by the data-quality rules, not rejected).
func loadFixture(t *testing.T, db *warehouse.DB, dir string) {
	t.Helper()
	sum, err := ingest.Load(context.Background(), db, dir, ingest.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	if sum.Rejects > 0 {
		t.Fatalf("load %s: %d rows rejected: %v", dir, sum.Rejects, sum.RejectSamples)
	}
}

// fixtureDB opens an in-memory database with the fixtures in dirs loaded
// and built with s.
func fixtureDB(t *testing.T, s Settings, dirs ...string) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "sipstat.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, d := range dirs {
		loadFixture(t, db, filepath.Join("testdata", d))
	}
	start := time.Now()
	if err := Build(ctx, db, s); err != nil {
		t.Fatal(err)
	}
	t.Logf("build: %v", time.Since(start))
	return db
}

// valueIndex indexes values by period, KPI, breakdown and group.
type valueIndex map[string]Value

func indexValues(vs []Value) valueIndex {
	ix := valueIndex{}
	for _, v := range vs {
		ix[v.Period+"/"+v.KPIID+"/"+v.Breakdown+"/"+v.Group] = v
	}
	return ix
}

// expect is one hand-computed figure: value (nil = no value), n, excluded.
type expect struct {
	key      string // period/kpi/breakdown/group
	value    *float64
	n        int64
	excluded int64
}

func num(x float64) *float64 { return &x }

func checkExpect(t *testing.T, ix valueIndex, cases []expect) {
	t.Helper()
	for _, c := range cases {
		v, ok := ix[c.key]
		if !ok {
			t.Errorf("%s: no row", c.key)
			continue
		}
		switch {
		case c.value == nil && v.Value != nil:
			t.Errorf("%s: value = %v, want none", c.key, *v.Value)
		case c.value != nil && v.Value == nil:
			t.Errorf("%s: no value, want %v", c.key, *c.value)
		case c.value != nil && !closeTo(*v.Value, *c.value):
			t.Errorf("%s: value = %v, want %v", c.key, *v.Value, *c.value)
		}
		if v.N != c.n {
			t.Errorf("%s: n = %d, want %d", c.key, v.N, c.n)
		}
		if v.Excluded != c.excluded {
			t.Errorf("%s: excluded = %d, want %d", c.key, v.Excluded, c.excluded)
		}
	}
}

func closeTo(a, b float64) bool {
	d := a - b
	return d < 1e-9 && d > -1e-9
}
