package transform

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sipstat/sipstat/warehouse"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCompute(t *testing.T) {
	ctx := context.Background()
	db := fixtureDB(t, DefaultSettings(), "basic", "families")
	built, err := Values(ctx, db, Filter{})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("default parameters reproduce the built values", func(t *testing.T) {
		got, err := Compute(ctx, db, Params{Settings: DefaultSettings()})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, built) {
			t.Errorf("Compute returned %d values, Build %d; they differ", len(got), len(built))
		}
	})

	t.Run("an earlier as-of date makes later events not happened yet", func(t *testing.T) {
		asOf := day("2026-09-15")
		ix := computed(t, db, Params{AsOf: &asOf, Sources: []string{"fixture-basic"}, Settings: DefaultSettings()})
		checkExpect(t, ix, []expect{
			{"2026Q3/needs_detected/total/", num(8), 8, 0},
			{"2026Q3/coverage/total/", num(1), 4, 1},
		})
		if _, ok := ix["2026Q4/needs_detected/total/"]; ok {
			t.Error("2026Q4 computed, but the as-of date is in 2026Q3")
		}
	})

	t.Run("one source of several", func(t *testing.T) {
		ix := computed(t, db, Params{Sources: []string{"fixture-families"}, Settings: DefaultSettings()})
		checkExpect(t, ix, []expect{
			{"2026Q3/needs_detected/total/", num(2), 2, 0},
			{"2026Q3/sips_active/total/", num(3), 3, 0},
		})
		// The families fixture has no discharges.csv: no data for it alone.
		if v := ix["2026Q3/discharges_needing_sip/total/"]; !v.NoData {
			t.Error("discharges_needing_sip has data for a source that delivered no discharges")
		}
	})

	t.Run("a date range", func(t *testing.T) {
		p, err := DateRange(day("2026-07-01"), day("2026-08-31"))
		if err != nil {
			t.Fatal(err)
		}
		ix := computed(t, db, Params{Sources: []string{"fixture-basic"}, Periods: []Period{p}, Settings: DefaultSettings()})
		checkExpect(t, ix, []expect{{p.Label + "/needs_detected/total/", num(7), 7, 0}})
		if v := ix[p.Label+"/needs_detected/total/"]; !v.PeriodStart.Equal(p.Start) || !v.PeriodEnd.Equal(p.End) {
			t.Errorf("period %v … %v, want %v … %v", v.PeriodStart, v.PeriodEnd, p.Start, p.End)
		}
	})

	t.Run("other settings change targets without touching the database", func(t *testing.T) {
		s := DefaultSettings()
		s.MeetingTargetDaysChildren = 35
		ix := computed(t, db, Params{Sources: []string{"fixture-basic"}, Settings: s})
		// S3 (a child, 31 days) is now within 35 days; S6 (a child, need
		// 2026-09-01, no meeting) is pending until day 35 (2026-10-06).
		checkExpect(t, ix, []expect{{"2026Q3/within_target_share/total/", num(0.8), 5, 1}})
		after, err := Values(ctx, db, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(after, built) {
			t.Error("kpi_values changed after Compute")
		}
	})
}

func TestComputeReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.duckdb")
	db, err := warehouse.Open(ctx, path, warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loadFixture(t, db, filepath.Join("testdata", "basic"))
	if err := Build(ctx, db, DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := warehouse.Open(ctx, path, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	asOf := day("2026-09-15")
	got, err := Compute(ctx, ro, Params{AsOf: &asOf, Settings: DefaultSettings()})
	if err != nil {
		t.Fatalf("compute on a read-only database: %v", err)
	}
	checkExpect(t, indexValues(got), []expect{{"2026Q3/needs_detected/total/", num(8), 8, 0}})
	// The temp tables are gone: reads see the built values again.
	vs, err := Values(ctx, ro, Filter{Periods: []string{"2026Q3"}, KPIIDs: []string{"needs_detected"}, Breakdowns: []string{"total"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || *vs[0].Value != 10 {
		t.Errorf("after Compute, kpi_values reads %v, want the built 10", vs)
	}
}

func TestBuildRestoresSessionSettings(t *testing.T) {
	ctx := context.Background()
	db := fixtureDB(t, DefaultSettings(), "basic")
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := Build(ctx, conn, DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	var keep bool
	if err := conn.QueryRowContext(ctx, "select current_setting('preserve_insertion_order')").Scan(&keep); err != nil {
		t.Fatal(err)
	}
	if !keep {
		t.Error("preserve_insertion_order left off on the caller's connection")
	}
	var temps int
	if err := conn.QueryRowContext(ctx, "select count(*) from duckdb_tables() where temporary and table_name like 'kpi\\_%' escape '\\'").Scan(&temps); err != nil {
		t.Fatal(err)
	}
	if temps != 0 {
		var names string
		conn.QueryRowContext(ctx, "select string_agg(table_name, ', ') from duckdb_tables() where temporary and table_name like 'kpi\\_%' escape '\\'").Scan(&names)
		t.Errorf("temp tables left on the caller's connection: %s", names)
	}
}
