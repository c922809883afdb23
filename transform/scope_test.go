package transform

import (
	"context"
	"strings"
	"testing"
)

// TestMunicipalityScope computes the basic fixture for Falkenberg (1382)
// alone: S3, S4, S7 and their meetings (testdata/basic/README.md). Every
// breakdown is the municipality's own; reference values are the region's.
func TestMunicipalityScope(t *testing.T) {
	ctx := context.Background()
	db := fixtureDB(t, DefaultSettings(), "basic")
	vs, err := ScopeValues(ctx, db, "1382", Params{})
	if err != nil {
		t.Fatal(err)
	}
	ix := indexValues(vs)
	checkExpect(t, ix, []expect{
		// Needs S3, S4, S7 (1382 of the region's 10).
		{"2026Q3/needs_detected/total/", num(3), 3, 0},
		{"2026Q3/needs_detected/municipality/1382", num(3), 3, 0},
		// R = S3, S7 (S4 deceased); S7 excluded (initial before the need).
		{"2026Q3/coverage/total/", num(1), 1, 1},
		// Summoned at S3's M3b: P4 absent_notified, P5 absent, P6 attended;
		// P14 at the flagged M7 excluded.
		{"2026Q3/summoned_attendance_share/total/", num(1.0 / 3), 3, 1},
		// The org-type heat map of the municipality, not the region's.
		{"2026Q3/attendance_gap_by_org/org_type/municipal_social_services", num(1), 1, 1},
		{"2026Q3/attendance_gap_by_org/org_type/school", num(0), 1, 0},
		{"2026Q3/attendance_gap_by_org/org_type/child_psychiatry", num(1), 1, 0},
		// Lead time box plot: S3 only (31 days).
		{"2026Q3/lead_time_p25_days/total/", num(31), 1, 1},
		{"2026Q3/lead_time_median_days/context/child_placement", num(31), 1, 0},
		// D3 is not needing both principals: 0.
		{"2026Q3/discharges_needing_sip/total/", num(0), 0, 0},
	})
	for k, v := range ix {
		if v.Breakdown == "municipality" && v.Group != "1382" {
			t.Errorf("%s: a group of another municipality in the scope", k)
		}
	}
	// Reference values: the region's (13) built values.
	checkJudged(t, ix, []judged{
		{"2026Q3/needs_detected/total/", false, "none", "none", num(10)},
		{"2026Q3/needs_detected/municipality/1382", false, "none", "none", num(10)},
		{"2026Q3/coverage/total/", true, "none", "none", num(5.0 / 6)},
		{"2026Q3/summoned_attendance_share/total/", false, "none", "", num(0.7)},
		{"2026Q3/attendance_gap_by_org/org_type/municipal_social_services", false, "none", "", num(0.25)},
		{"2026Q3/lead_time_median_days/context/child_placement", true, "none", "none", num(31)},
	})

	t.Run("as SQL tables on one connection", func(t *testing.T) {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		release, err := ScopeTables(ctx, conn, "1382", Params{})
		if err != nil {
			t.Fatal(err)
		}
		var n float64
		if err := conn.QueryRowContext(ctx, `select value from kpi_values where period = '2026Q3' and kpi_id = 'needs_detected' and breakdown = 'total'`).Scan(&n); err != nil || n != 3 {
			t.Errorf("scoped kpi_values needs_detected = %v (%v), want 3", n, err)
		}
		release()
		if err := conn.QueryRowContext(ctx, `select value from kpi_values where period = '2026Q3' and kpi_id = 'needs_detected' and breakdown = 'total'`).Scan(&n); err != nil || n != 10 {
			t.Errorf("after release kpi_values needs_detected = %v (%v), want the region's 10", n, err)
		}
	})
	t.Run("an unknown municipality is an error", func(t *testing.T) {
		if _, err := ScopeValues(ctx, db, "9999", Params{}); err == nil || !strings.Contains(err.Error(), "9999") {
			t.Errorf("ScopeValues(9999): %v", err)
		}
	})
}
