package transform_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// TestScale builds the models of a generated extract of SIPSTAT_SCALE SIPs
// (all counties, 1 % flaws) and logs how long Build takes. The raw tables
// are written straight from the CSV files with read_csv (no validation), so
// the figure is Build's alone. It only runs when SIPSTAT_SCALE is set, and
// asserts facts, never a time.
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
	threads, _ := strconv.Atoi(os.Getenv("SIPSTAT_SCALE_THREADS"))
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "scale.duckdb"), warehouse.Options{Threads: threads})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	rawLoad(t, db, dir)
	t.Logf("raw load (read_csv, no validation): %v", time.Since(start))
	b, c := time.Now(), cpuTime()
	if err := transform.Build(ctx, db, transform.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	t.Logf("build in its own transaction: %v wall, %v CPU", time.Since(b), cpuTime()-c)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, c = time.Now(), cpuTime()
	if err := transform.Build(ctx, conn, transform.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	t.Logf("build statement by statement (autocommit): %v wall, %v CPU", time.Since(b), cpuTime()-c)
	conn.Close()
	b = time.Now()
	vs, err := transform.Values(ctx, db, transform.Filter{Periods: []string{"2026Q3"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("values 2026Q3: %d rows in %v", len(vs), time.Since(b))
	var rows, flagged int64
	db.QueryRowContext(ctx, "select count(*) from kpi_values").Scan(&rows)
	db.QueryRowContext(ctx, "select count(*) from dq_flags").Scan(&flagged)
	t.Logf("kpi_values: %d rows; dq_flags: %d rows", rows, flagged)
	if rows == 0 || flagged == 0 {
		t.Error("no values or no flags at scale")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rawLoad writes raw.* and load_sources/load_files from an extract's CSV
// files with the contract's types; a value that does not cast becomes null.
func rawLoad(t *testing.T, db *warehouse.DB, dir string) {
	t.Helper()
	ctx := context.Background()
	var man struct {
		Source, RegionCode, ExtractedAt string
	}
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	man.Source, man.RegionCode, man.ExtractedAt = m["source"], m["region_code"], m["extracted_at"]
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec("create schema if not exists raw")
	exec(`create table load_sources (source varchar, region_code varchar, contract_version varchar, extracted_at date,
		loaded_at timestamp, fingerprint varchar, extract_dir varchar)`)
	exec(`create table load_files (source varchar, table_name varchar, file_name varchar, format varchar, encoding varchar,
		delimiter varchar, rows_read bigint, rows_loaded bigint, rows_rejected bigint)`)
	exec("insert into load_sources values (?, ?, '1', ?, now(), 'scale', ?)", man.Source, man.RegionCode, man.ExtractedAt, dir)
	for _, tb := range contract.Tables {
		path := filepath.Join(dir, tb.Name+".csv")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		var cols, sel []string
		for _, c := range tb.Columns {
			cols = append(cols, "'"+c.Name+"': 'VARCHAR'")
			cast := "try_cast(" + warehouse.QuoteIdent(c.Name) + " as " + c.Type.SQLType() + ")"
			if c.Type == contract.TypeBool {
				cast = "case lower(" + warehouse.QuoteIdent(c.Name) + ") when 'true' then true when '1' then true when 'false' then false when '0' then false end"
			}
			sel = append(sel, cast+" as "+warehouse.QuoteIdent(c.Name))
		}
		exec("create table raw."+tb.Name+" as select ?::varchar as source, "+strings.Join(sel, ", ")+
			" from read_csv(?, header = true, columns = {"+strings.Join(cols, ", ")+"})", man.Source, path)
		exec("insert into load_files select ?, ?, ?, 'csv', 'utf-8', ',', count(*), count(*), 0 from raw."+tb.Name, man.Source, tb.Name, tb.Name+".csv")
	}
}
