package transform

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
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

// fixtureDB opens a database with the fixtures in testdata/<dir> loaded
// and built with s.
func fixtureDB(t *testing.T, s Settings, dirs ...string) *warehouse.DB {
	t.Helper()
	paths := make([]string, len(dirs))
	for i, d := range dirs {
		paths[i] = filepath.Join("testdata", d)
	}
	return builtDB(t, s, paths...)
}

// builtDB opens a database in the test's temp folder with the extracts in
// paths loaded (every row must load) and built with s; it is closed when the
// test ends.
func builtDB(t *testing.T, s Settings, paths ...string) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "sipstat.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, p := range paths {
		loadFixture(t, db, p)
	}
	start := time.Now()
	if err := Build(ctx, db, s); err != nil {
		t.Fatal(err)
	}
	t.Logf("build: %v", time.Since(start))
	return db
}

// fixtureWith copies testdata/<name> into a temp folder with the lines of
// extra (file name → CSV lines) appended to its files, and returns the
// folder.
func fixtureWith(t *testing.T, name string, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	for file, lines := range extra {
		f, err := os.OpenFile(filepath.Join(dir, file), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.WriteString(lines)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fixtureValues builds the fixtures in dirs with s and indexes kpi_values.
func fixtureValues(t *testing.T, s Settings, dirs ...string) (*warehouse.DB, valueIndex) {
	t.Helper()
	db := fixtureDB(t, s, dirs...)
	vs, err := Values(context.Background(), db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return db, indexValues(vs)
}

// computed runs Compute with p on db and indexes its values.
func computed(t *testing.T, db *warehouse.DB, p Params) valueIndex {
	t.Helper()
	vs, err := Compute(context.Background(), db, p)
	if err != nil {
		t.Fatal(err)
	}
	return indexValues(vs)
}

// sampleDB generates an extract with opt and loads it into a database in
// the test's temp folder, building it with s inside the load's transaction
// as `sipstat load` does (rejected rows are no error).
func sampleDB(t *testing.T, opt sampledata.Options, s Settings) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "extract")
	if _, err := sampledata.Generate(ctx, dir, opt); err != nil {
		t.Fatal(err)
	}
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "sample.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := ingest.Load(ctx, db, dir, ingest.Options{BeforeCommit: func(ctx context.Context, c *sql.Conn) error {
		return Build(ctx, c, s)
	}}); err != nil {
		t.Fatal(err)
	}
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

// row is the value of key (period/kpi/breakdown/group); a missing one is
// an error of the test.
func (ix valueIndex) row(t *testing.T, key string) (Value, bool) {
	t.Helper()
	v, ok := ix[key]
	if !ok {
		t.Errorf("%s: no row", key)
	}
	return v, ok
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
		v, ok := ix.row(t, c.key)
		if !ok {
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
