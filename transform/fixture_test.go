package transform

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

// loadFixture loads a fixture extract (CSV in contract form, codes already
// English) into raw.* with the contract's types, plus its load_sources and
// load_files rows, the way ingest does — so the KPI tests do not depend on
// the loader. A table without a file is not delivered (no load_files row).
func loadFixture(t *testing.T, db *warehouse.DB, dir string) {
	t.Helper()
	ctx := context.Background()
	var man struct {
		Source      string `json:"source"`
		RegionCode  string `json:"region_code"`
		ExtractedAt string `json:"extracted_at"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("create schema if not exists raw")
	exec(mustSQL("params/ensure_load_tables.sql"))
	exec("insert into load_sources values (?, ?, '1', ?, now(), 'fixture', ?)", man.Source, man.RegionCode, man.ExtractedAt, dir)
	for _, tb := range contract.Tables {
		path := filepath.Join(dir, tb.Name+".csv")
		var cols, sel []string
		for _, c := range tb.Columns {
			cols = append(cols, "'"+c.Name+"': 'VARCHAR'")
			sel = append(sel, "cast("+warehouse.QuoteIdent(c.Name)+" as "+c.Type.SQLType()+") as "+warehouse.QuoteIdent(c.Name))
		}
		colDefs := []string{"source VARCHAR NOT NULL"}
		for _, c := range tb.Columns {
			colDefs = append(colDefs, warehouse.QuoteIdent(c.Name)+" "+c.Type.SQLType())
		}
		exec("create table if not exists raw." + tb.Name + " (" + strings.Join(colDefs, ", ") + ")")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		exec("insert into raw."+tb.Name+" select ?, "+strings.Join(sel, ", ")+
			" from read_csv(?, header = true, delim = ',', quote = '\"', columns = {"+strings.Join(cols, ", ")+"})", man.Source, path)
		var n int64
		if err := db.QueryRowContext(ctx, "select count(*) from raw."+tb.Name+" where source = ?", man.Source).Scan(&n); err != nil {
			t.Fatal(err)
		}
		exec("insert into load_files values (?, ?, ?, 'csv', 'utf-8', ',', ?, ?, 0)", man.Source, tb.Name, tb.Name+".csv", n, n)
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
