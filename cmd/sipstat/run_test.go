package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// kpiJSON is one value of `sipstat kpi --format json`, as a script reads it.
type kpiJSON struct {
	Period     string   `json:"period"`
	KPIID      string   `json:"kpi_id"`
	Name       string   `json:"name"`
	Unit       string   `json:"unit"`
	Group      string   `json:"group"`
	Value      *float64 `json:"value"`
	N          *int64   `json:"n"`
	Suppressed bool     `json:"suppressed"`
}

// cli runs sipstat in-process and returns its exit status, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestStrictLoadChangesNothing: a strict load of an extract with rejects
// fails (exit 1) and leaves the database as it was, whether it was new or
// held a loaded extract; without --strict the same extract loads.
func TestStrictLoadChangesNothing(t *testing.T) {
	dir := t.TempDir()
	flawed := filepath.Join(dir, "flawed")
	clean := filepath.Join(dir, "clean")
	if code, _, stderr := cli(t, "sample", "--out", flawed, "--sips", "300", "--flaws", "0.05"); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	if code, _, stderr := cli(t, "sample", "--out", clean, "--sips", "200", "--seed", "3", "--flaws", "0"); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	// state is what a load may change: every table with its row count, and
	// the loaded sources with their fingerprints. The query must run.
	state := func(db string) string {
		t.Helper()
		code, stdout, stderr := cli(t, "query", "--db", db, "--format", "csv", "--sql",
			"select schema_name, table_name, estimated_size, (select string_agg(source || ' ' || fingerprint, ';') from load_sources) as sources "+
				"from duckdb_tables() where schema_name in ('main', 'raw') order by all")
		if code != 0 {
			t.Fatalf("the check query failed: exit %d: %s", code, stderr)
		}
		return stdout
	}

	t.Run("a new database stays empty", func(t *testing.T) {
		db := filepath.Join(dir, "new.duckdb")
		code, _, stderr := cli(t, "load", "--db", db, "--strict", flawed)
		if code != 1 {
			t.Fatalf("strict load of an extract with rejects: exit %d, want 1: %s", code, stderr)
		}
		if _, err := os.Stat(db); err != nil {
			return // no file: nothing was written
		}
		code, stdout, stderr := cli(t, "query", "--db", db, "--format", "csv", "--sql",
			"select count(*) as n from duckdb_tables() where schema_name in ('main', 'raw')")
		if code != 0 {
			t.Fatalf("the check query failed: exit %d: %s", code, stderr)
		}
		if stdout != "n\n0\n" {
			t.Errorf("a failed strict load left tables behind: %q", stdout)
		}
	})

	t.Run("a loaded database keeps its rows", func(t *testing.T) {
		db := filepath.Join(dir, "loaded.duckdb")
		if code, _, stderr := cli(t, "load", "--db", db, "--strict", clean); code != 0 {
			t.Fatalf("strict load of a clean extract: exit %d: %s", code, stderr)
		}
		before := state(db)
		if !strings.Contains(before, "raw,sips,200,") {
			t.Fatalf("the clean load is not in the state the test compares:\n%s", before)
		}
		if code, _, stderr := cli(t, "load", "--db", db, "--strict", flawed); code != 1 {
			t.Fatalf("strict load of an extract with rejects: exit %d, want 1: %s", code, stderr)
		}
		if after := state(db); after != before {
			t.Errorf("a failed strict load changed the database:\nbefore\n%s\nafter\n%s", before, after)
		}
		// Without --strict the same extract loads, with its rejects listed.
		code, stdout, stderr := cli(t, "load", "--db", db, flawed)
		if code != 0 {
			t.Fatalf("load: exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "rejected") {
			t.Errorf("summary does not mention rejects:\n%s", stdout)
		}
		if state(db) == before {
			t.Error("the load without --strict changed nothing: the comparison cannot see a change")
		}
	})
}

// TestPipeline drives the main job end to end through the CLI: sample →
// load → kpi → report, the way `make run` does.
func TestPipeline(t *testing.T) {
	dir := t.TempDir()
	extract := filepath.Join(dir, "extract")
	db := filepath.Join(dir, "sip.duckdb")
	out := filepath.Join(dir, "out")

	if code, _, stderr := cli(t, "sample", "--out", extract, "--sips", "1500", "--seed", "7"); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := cli(t, "load", "--db", db, extract)
	if code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "sips") || !strings.Contains(stdout, "meetings") {
		t.Errorf("load summary names no tables:\n%s", stdout)
	}

	t.Run("kpi csv is the public interface", func(t *testing.T) {
		code, stdout, stderr := cli(t, "kpi", "--db", db, "--by", "municipality", "--format", "csv")
		if code != 0 {
			t.Fatalf("kpi: exit %d: %s", code, stderr)
		}
		rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"kpi_id", "breakdown", "group", "value", "numerator", "denominator", "n", "suppressed",
			"preliminary", "status", "trend", "reference_value"}
		if !slices.Equal(rows[0], want) {
			t.Fatalf("header = %v", rows[0])
		}
		if got := strings.Join(rows[0][8:], ","); got != "preliminary,status,trend,reference_value" {
			t.Fatalf("judgement columns = %s", got)
		}
		for _, r := range rows[1:] {
			if r[8] != "true" && r[8] != "false" {
				t.Fatalf("%s %s: preliminary %q, want true/false", r[0], r[2], r[8])
			}
			if r[1] == "municipality" && r[3] != "" && r[11] == "" {
				t.Errorf("%s %s: a municipality value without the region's reference value", r[0], r[2])
			}
		}
		ids := map[string]bool{}
		for _, r := range rows[1:] {
			ids[r[0]] = true
			if r[1] == "total" && r[2] != "" {
				t.Errorf("total row with group %q", r[2])
			}
			if r[1] != "total" && r[1] != "municipality" {
				t.Errorf("unexpected breakdown %q", r[1])
			}
			if r[1] == "municipality" && len(r[2]) != 4 {
				t.Errorf("municipality group %q is not a kommunkod", r[2])
			}
		}
		for _, id := range []string{"needs_detected", "coverage", "lead_time_median_days", "within_target_share", "summoned_attendance_share", "meetings_held"} {
			if !ids[id] {
				t.Errorf("kpi output lacks %s", id)
			}
		}
	})

	t.Run("kpi json and suppression", func(t *testing.T) {
		code, stdout, stderr := cli(t, "kpi", "--db", db, "--by", "municipality", "--format", "json", "--suppress")
		if code != 0 {
			t.Fatalf("kpi: exit %d: %s", code, stderr)
		}
		var vals []kpiJSON
		if err := json.Unmarshal([]byte(stdout), &vals); err != nil {
			t.Fatal(err)
		}
		suppressed := 0
		for _, v := range vals {
			if v.Suppressed {
				suppressed++
				if v.Value != nil || v.N != nil {
					t.Errorf("%s %s: suppressed value still printed", v.KPIID, v.Group)
				}
			}
		}
		if suppressed == 0 {
			t.Error("nothing suppressed by municipality in a 1500-SIP sample")
		}
		// The database's catalogue names every value, the survey's
		// per-question KPIs too, and a top-box share is a share.
		survey := 0
		for _, v := range vals {
			if v.Name == "" || v.Unit == "" {
				t.Errorf("%s: no name or unit", v.KPIID)
			}
			if strings.HasPrefix(v.KPIID, "survey_Q") && strings.HasSuffix(v.KPIID, "_top_box_share") {
				survey++
				if v.Unit != "share" {
					t.Errorf("%s: unit %q, want share", v.KPIID, v.Unit)
				}
			}
		}
		if survey == 0 {
			t.Error("no per-question survey KPI in the output")
		}
	})

	t.Run("report writes both files", func(t *testing.T) {
		code, stdout, stderr := cli(t, "report", "--db", db, "--out", out)
		if code != 0 {
			t.Fatalf("report: exit %d: %s", code, stderr)
		}
		paths := strings.Fields(stdout)
		var xlsx, html bool
		for _, p := range paths {
			st, err := os.Stat(p)
			if err != nil || st.Size() == 0 {
				t.Errorf("%s: %v", p, err)
			}
			xlsx = xlsx || strings.HasSuffix(p, ".xlsx")
			html = html || strings.HasSuffix(p, ".html")
		}
		if !xlsx || !html {
			t.Errorf("report printed %v; want an .xlsx and an .html", paths)
		}
	})

	t.Run("kpi computes afresh for another as-of date or a date range", func(t *testing.T) {
		code, stdout, stderr := cli(t, "kpi", "--db", db, "--as-of", "2026-06-30", "--kpi", "needs_detected,coverage", "--format", "csv")
		if code != 0 {
			t.Fatalf("kpi --as-of: exit %d: %s", code, stderr)
		}
		rows, _ := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if len(rows) != 3 {
			t.Fatalf("want header + 2 totals, got %v", rows)
		}
		code, stdout, stderr = cli(t, "kpi", "--db", db, "--from", "2026-01-01", "--to", "2026-06-30", "--kpi", "needs_detected", "--format", "json")
		if code != 0 {
			t.Fatalf("kpi --from/--to: exit %d: %s", code, stderr)
		}
		var vals []kpiJSON
		if err := json.Unmarshal([]byte(stdout), &vals); err != nil || len(vals) != 1 {
			t.Fatalf("want one value, got %s (%v)", stdout, err)
		}
		if vals[0].Period != "2026-01-01..2026-06-30" || vals[0].Value == nil || *vals[0].Value <= 0 {
			t.Errorf("date range value = %+v", vals[0])
		}
	})

	t.Run("analysts' commands", func(t *testing.T) {
		if code, stdout, stderr := cli(t, "query", "--list"); code != 0 || !strings.Contains(stdout, "lead") {
			t.Errorf("query --list: exit %d: %s%s", code, stdout, stderr)
		}
		code, stdout, stderr := cli(t, "query", "--db", db, "--sql", "select count(*) as n from sips", "--format", "csv")
		if code != 0 || !strings.HasPrefix(stdout, "n\n") {
			t.Errorf("query --sql: exit %d: %q %s", code, stdout, stderr)
		}
		if code, _, _ := cli(t, "query", "--db", db, "--sql", "delete from sips"); code == 0 {
			t.Error("query --sql ran a DELETE")
		}
		if code, stdout, stderr := cli(t, "schema", "--db", db); code != 0 || !strings.Contains(stdout, "sips") {
			t.Errorf("schema: exit %d: %s", code, stderr)
		}
	})

	t.Run("usage errors exit 2", func(t *testing.T) {
		if code, _, _ := cli(t, "kpi", "--db", db, "--format", "xml"); code != 2 {
			t.Errorf("bad format: exit %d, want 2", code)
		}
		if code, _, _ := cli(t, "nosuchcommand"); code != 2 {
			t.Errorf("unknown command: exit %d, want 2", code)
		}
		if code, _, _ := cli(t, "kpi", "--db", filepath.Join(dir, "missing.duckdb")); code != 1 {
			t.Errorf("missing database: exit %d, want 1", code)
		}
	})
}
