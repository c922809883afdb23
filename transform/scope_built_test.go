package transform

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

// scopeCompared are the temp tables of a municipality scope (ScopeTables)
// whose rows must not depend on whether the scope made its core models
// from its staging rows or read them from the built ones.
var scopeCompared = []string{
	"sips", "meetings", "participants", "consents", "goals", "goal_reviews",
	"interventions", "discharges", "deviations", "survey_responses",
	"survey_answers", "population", "dq_flags", "kpi_values", "kpi_spc",
}

// TestScopeFromBuiltModel proves that a municipality scope may read the
// built core models and data-quality flags instead of making its own from
// staging: on a flawed generated extract (flagged meetings and consents,
// rejected cross-SIP references) with discharges moved to another
// municipality than their linked SIP's — the one fact that crosses
// municipalities — every core table, dq_flags, kpi_values and kpi_spc of
// the scope are the same rows both ways (except all, both directions), for
// the municipality that received the discharges, the one that lost them,
// and the smallest.
func TestScopeFromBuiltModel(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "extract")
	if _, err := sampledata.Generate(ctx, dir, sampledata.Options{SIPs: 3000, Seed: 5, FlawRate: 0.02, RejectRate: 0.01}); err != nil {
		t.Fatal(err)
	}
	moved := moveDischarges(t, filepath.Join(dir, "discharges.csv"), "0180", "0114", 40)
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "scope.duckdb"), warehouse.Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := DefaultSettings() // child_consent_rule both_guardians: the rule a KPI reads flags rows
	if _, err := ingest.Load(ctx, db, dir, ingest.Options{BeforeCommit: func(ctx context.Context, c *sql.Conn) error {
		return Build(ctx, c, s)
	}}); err != nil {
		t.Fatal(err)
	}
	var linkedAway, flags int
	if err := db.QueryRowContext(ctx, `select count(*) from discharges as d join sips as s using (source, sip_id)
		where d.municipality_code <> s.municipality_code and d.discharge_id in (select unnest(?::varchar[]))`, moved).Scan(&linkedAway); err != nil {
		t.Fatal(err)
	}
	if linkedAway == 0 {
		t.Fatal("no built discharge is linked to a SIP of another municipality")
	}
	if err := db.QueryRowContext(ctx, `select count(*) from dq_flags where rule_id = 'consent_child_one_guardian'`).Scan(&flags); err != nil || flags == 0 {
		t.Fatalf("no consent_child_one_guardian flags (%v)", err)
	}
	var smallest string
	if err := db.QueryRowContext(ctx, `select municipality_code from sips group by all order by count(*), municipality_code limit 1`).Scan(&smallest); err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	t.Run("other settings or as-of date: from staging", func(t *testing.T) {
		other := s
		other.MeetingTargetDays++
		day := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
		var source string
		if err := db.QueryRowContext(ctx, `select source from load_sources`).Scan(&source); err != nil {
			t.Fatal(err)
		}
		for _, p := range []Params{{Settings: other}, {Settings: s, AsOf: &day}, {Settings: s, Sources: []string{source}}} {
			release, err := ScopeTables(ctx, conn, "0180", p)
			if err != nil {
				t.Fatal(err)
			}
			if !hasTempTable(t, conn, "scope_stg_sips") {
				t.Errorf("%+v: the scope read the built models, which were built with other parameters", p)
			}
			release()
		}
	})
	for _, mun := range []string{"0114", "0180", smallest} {
		t.Run(mun, func(t *testing.T) {
			// From staging: kept as staged_<table>.
			release, err := ScopeTables(ctx, conn, mun, Params{Settings: s, fromStaging: true})
			if err != nil {
				t.Fatal(err)
			}
			if !hasTempTable(t, conn, "scope_stg_sips") {
				t.Fatal("the staging scope has no scope_stg_sips")
			}
			for _, tb := range scopeCompared {
				if _, err := conn.ExecContext(ctx, fmt.Sprintf("create temp table staged_%s as select * from %s", tb, tb)); err != nil {
					t.Fatal(err)
				}
			}
			release()
			defer func() {
				for _, tb := range scopeCompared {
					conn.ExecContext(ctx, "drop table if exists temp.staged_"+tb)
				}
			}()
			release, err = ScopeTables(ctx, conn, mun, Params{Settings: s})
			if err != nil {
				t.Fatal(err)
			}
			defer release()
			if hasTempTable(t, conn, "scope_stg_sips") {
				t.Fatal("the scope of a built database made its models from staging")
			}
			for _, tb := range scopeCompared {
				var n, only1, only2 int64
				if err := conn.QueryRowContext(ctx, fmt.Sprintf(`select
					(select count(*) from staged_%[1]s),
					(select count(*) from (select * from staged_%[1]s except all select * from %[1]s)),
					(select count(*) from (select * from %[1]s except all select * from staged_%[1]s))`, tb)).Scan(&n, &only1, &only2); err != nil {
					t.Fatalf("%s: %v", tb, err)
				}
				if only1 != 0 || only2 != 0 {
					t.Errorf("%s: %d rows only from staging, %d only from the built model (of %d)", tb, only1, only2, n)
				}
				t.Logf("%s: %d rows", tb, n)
			}
		})
	}
}

// moveDischarges gives up to n discharges of municipality from that have a
// linked SIP the municipality to, in the CSV file; it returns their ids.
func moveDischarges(t *testing.T, path, from, to string, n int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var ids []string
	for _, r := range rows[1:] {
		if len(ids) < n && r[col["municipality_code"]] == from && r[col["sip_id"]] != "" {
			r[col["municipality_code"]] = to
			ids = append(ids, r[col["discharge_id"]])
		}
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	if len(ids) == 0 {
		t.Fatalf("no discharge of %s with a SIP", from)
	}
	return ids
}

func hasTempTable(t *testing.T, conn *sql.Conn, name string) bool {
	t.Helper()
	var n int
	if err := conn.QueryRowContext(context.Background(), `select count(*) from duckdb_tables() where temporary and table_name = ?`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}
