package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

const fixtureSource = "Region Stockholm / Lifecare SP export"

// openDB opens a real DuckDB file in a test directory.
func openDB(t testing.TB, path string) *warehouse.DB {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "sip.duckdb")
	}
	db, err := warehouse.Open(context.Background(), path, warehouse.Options{Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// copyFixture copies testdata/extract (or another folder) to a fresh directory.
func copyFixture(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustLoad(t testing.TB, db *warehouse.DB, dir string, opt Options) *Summary {
	t.Helper()
	sum, err := Load(context.Background(), db, dir, opt)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	return sum
}

// dump renders every row of a query as text lines, for comparisons and for
// searching the whole database for a value.
func dump(t testing.TB, q warehouse.Querier, query string, args ...any) []string {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// snapshot is every row of every table ingest writes, except load times and
// extract folders (which differ between loads of equal data).
func snapshot(t testing.TB, q warehouse.Querier) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tb := range contract.Tables {
		out["raw."+tb.Name] = dump(t, q, "select * from raw."+warehouse.QuoteIdent(tb.Name)+" order by all")
	}
	out["load_sources"] = dump(t, q, "select source, region_code, contract_version, extracted_at from load_sources order by all")
	out["load_files"] = dump(t, q, "select * from load_files order by all")
	out["load_rejects"] = dump(t, q, "select * from load_rejects order by all")
	out["load_warnings"] = dump(t, q, "select * from load_warnings order by all")
	return out
}

func count(t testing.TB, q warehouse.Querier, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := q.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

var _ = sql.Named

// wantRows fails t unless the rows of query, as dump gives them, are want
// in order.
func wantRows(t testing.TB, q warehouse.Querier, query string, want ...string) {
	t.Helper()
	if got := dump(t, q, query); !slices.Equal(got, want) {
		t.Errorf("%s:\n%s\nwant:\n%s", query, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// csvHeader is a contract table's CSV header line.
func csvHeader(table string) string {
	tb, _ := contract.Lookup(table)
	return strings.Join(tb.ColumnNames(), ",") + "\n"
}

// loadAppended loads the fixture with lines appended to its files (file
// name → its new lines, in order) into a new database.
func loadAppended(t testing.TB, lines map[string][]string) (*warehouse.DB, *Summary) {
	t.Helper()
	dir := copyFixture(t, "testdata/extract")
	for file, ls := range lines {
		appendLines(t, filepath.Join(dir, file), ls...)
	}
	db := openDB(t, "")
	return db, mustLoad(t, db, dir, Options{})
}
