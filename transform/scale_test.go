package transform_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// BenchmarkBuild builds the models of a generated extract (all counties,
// 1 % flaws) of SIPSTAT_SCALE SIPs (default 20 000; the extract is cached in
// $TMPDIR/sipstat-scale-N). Each op is one Build on a fresh raw load (not
// timed), in its own transaction ("transaction") or statement by statement
// ("autocommit"); cpu-s/op is the process's CPU time. Run it with
//
//	SIPSTAT_SCALE=200000 go test ./transform -run '^$' -bench Build -benchtime 3x
//
// Measured figures belong in bench/RESULTS.md.
func BenchmarkBuild(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("SIPSTAT_SCALE"))
	if n == 0 {
		n = 20000
	}
	ctx := context.Background()
	dir := filepath.Join(os.TempDir(), "sipstat-scale-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		if _, err := sampledata.Generate(ctx, dir, sampledata.Options{SIPs: n, Counties: []string{"all"}, FlawRate: 0.01}); err != nil {
			b.Fatal(err)
		}
	}
	threads, _ := strconv.Atoi(os.Getenv("SIPSTAT_SCALE_THREADS"))
	for _, mode := range []string{"transaction", "autocommit"} {
		b.Run(mode, func(b *testing.B) {
			var cpuSpent time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db, err := warehouse.Open(ctx, filepath.Join(b.TempDir(), "scale.duckdb"), warehouse.Options{Threads: threads})
				if err != nil {
					b.Fatal(err)
				}
				rawLoad(b, db, dir)
				var q warehouse.Querier = db
				var conn *sql.Conn
				if mode == "autocommit" {
					if conn, err = db.Conn(ctx); err != nil {
						b.Fatal(err)
					}
					q = conn
				}
				c := cpu.Time()
				b.StartTimer()
				err = transform.Build(ctx, q, transform.DefaultSettings())
				b.StopTimer()
				cpuSpent += cpu.Time() - c
				if err != nil {
					b.Fatal(err)
				}
				var rows, flagged int64
				db.QueryRowContext(ctx, "select count(*) from kpi_values").Scan(&rows)
				db.QueryRowContext(ctx, "select count(*) from dq_flags").Scan(&flagged)
				if rows == 0 || flagged == 0 {
					b.Fatalf("kpi_values %d rows, dq_flags %d rows at scale", rows, flagged)
				}
				if conn != nil {
					conn.Close()
				}
				db.Close()
			}
			b.ReportMetric(cpuSpent.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// rawLoad writes raw.* and load_sources/load_files from an extract's CSV
// files with the contract's types; a value that does not cast becomes null.
func rawLoad(t testing.TB, db *warehouse.DB, dir string) {
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
