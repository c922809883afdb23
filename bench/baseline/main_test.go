package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, dir, "persons.csv", "person_id,birth_year,sex\nP1,1950,female\nP2,2012,\n")
	// Columns in another order than the contract's, ';' as Swedish Excel
	// writes it, and a column outside the contract.
	writeFile(t, dir, "sips.csv", "sip_id;person_id;municipality_code;region_code;context;initiated_by;need_detected_date;request_denied;note\n"+
		"S1;P1;0180;01;standard;individual;2026-01-05;false;x\n"+
		"S2;P2;0114;01;child_placement;school;2026-02-28;;\n")
	writeFile(t, dir, "manifest.json", `{"source":"x"}`)
	dbPath := filepath.Join(t.TempDir(), "b.duckdb")

	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"--db", dbPath, "--source", "bench", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines (persons, sips, total), got %q", stdout.String())
	}
	for i, want := range []string{"persons\t2\t", "sips\t2\t", "total\t4\t"} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], want)
		}
	}

	db, err := warehouse.Open(ctx, dbPath, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	t.Run("columns have the contract's types", func(t *testing.T) {
		want := map[string]string{
			"persons.source": "VARCHAR", "persons.birth_year": "INTEGER", "persons.sex": "VARCHAR",
			"sips.municipality_code": "VARCHAR", "sips.need_detected_date": "DATE",
			"sips.request_denied": "BOOLEAN", "sips.note": "VARCHAR",
		}
		rows, err := db.QueryContext(ctx, `select table_name || '.' || column_name, data_type
			from information_schema.columns where table_schema = 'raw'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := map[string]string{}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			got[k] = v
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: type %q, want %q", k, got[k], v)
			}
		}
	})

	t.Run("values are read as typed, codes stay text", func(t *testing.T) {
		var source, muni string
		var year int
		var denied *bool
		err := db.QueryRowContext(ctx, `select s.source, s.municipality_code, year(s.need_detected_date), s.request_denied
			from raw.sips as s where s.sip_id = 'S1'`).Scan(&source, &muni, &year, &denied)
		if err != nil {
			t.Fatal(err)
		}
		if source != "bench" || muni != "0180" || year != 2026 || denied == nil || *denied {
			t.Errorf("got source %q municipality %q year %d denied %v", source, muni, year, denied)
		}
	})
}

// TestSkipBadRows: with --skip-bad-rows a row DuckDB cannot type is left
// out, and the count says so.
func TestSkipBadRows(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "persons.csv", "person_id,birth_year,sex\nP1,nineteen,female\nP2,1950,male\n")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"--db", filepath.Join(t.TempDir(), "x.duckdb"), "--skip-bad-rows", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d; stderr: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "persons\t1\t") {
		t.Errorf("stdout %q, want persons with 1 row", stdout.String())
	}
}

func TestRunFails(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		args func(t *testing.T) []string
		code int
	}{
		{"without --db it is a usage error", func(t *testing.T) []string { return []string{t.TempDir()} }, 2},
		{"a folder without contract files fails", func(t *testing.T) []string {
			return []string{"--db", filepath.Join(t.TempDir(), "x.duckdb"), t.TempDir()}
		}, 1},
		{"a value that does not fit its type fails", func(t *testing.T) []string {
			dir := t.TempDir()
			writeFile(t, dir, "persons.csv", "person_id,birth_year,sex\nP1,nineteen,female\n")
			return []string{"--db", filepath.Join(t.TempDir(), "x.duckdb"), dir}
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(ctx, tc.args(t), &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout not empty on failure: %q", stdout.String())
			}
		})
	}
}
