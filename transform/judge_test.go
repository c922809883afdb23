package transform

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// The expected flags below are worked out by hand in
// testdata/judge/README.md, never by running SQL.

// judged is one expected preliminary/status/trend/reference figure.
type judged struct {
	key         string // period/kpi/breakdown/group
	preliminary bool
	status      string
	trend       string
	reference   *float64
}

func checkJudged(t *testing.T, ix valueIndex, cases []judged) {
	t.Helper()
	for _, c := range cases {
		v, ok := ix.row(t, c.key)
		if !ok {
			continue
		}
		if v.Preliminary != c.preliminary {
			t.Errorf("%s: preliminary = %v, want %v", c.key, v.Preliminary, c.preliminary)
		}
		if c.status != "" && v.Status != c.status {
			t.Errorf("%s: status = %q, want %q", c.key, v.Status, c.status)
		}
		if c.trend != "" && v.Trend != c.trend {
			t.Errorf("%s: trend = %q, want %q", c.key, v.Trend, c.trend)
		}
		switch {
		case c.reference == nil && v.ReferenceValue != nil:
			t.Errorf("%s: reference_value = %v, want none", c.key, *v.ReferenceValue)
		case c.reference != nil && (v.ReferenceValue == nil || !closeTo(*v.ReferenceValue, *c.reference)):
			t.Errorf("%s: reference_value = %v, want %v", c.key, fmtFloat(v.ReferenceValue), *c.reference)
		}
	}
}

func fmtFloat(x *float64) any {
	if x == nil {
		return "none"
	}
	return *x
}

func TestJudgeFixture(t *testing.T) {
	db, ix := fixtureValues(t, DefaultSettings(), "judge")
	t.Run("values", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			{"2025Q3/requests_denied/total/", num(5), 5, 0},
			{"2026Q3/requests_denied/total/", num(17), 17, 0},
			{"2025Q3/coverage/total/", num(0.2), 5, 0},
			{"2026Q3/coverage/municipality/1382", num(1), 5, 0},
			{"2025Q3/lead_time_median_days/total/", num(30), 1, 0},
			{"2026Q3/lead_time_median_days/total/", num(10), 17, 0},
		})
	})
	t.Run("preliminary, trend and reference at A = extracted_at", func(t *testing.T) {
		checkJudged(t, ix, []judged{
			{"2026Q3/coverage/total/", false, "none", "better", nil},
			{"2026Q3/coverage/municipality/1380", false, "none", "better", num(1)},
			{"2026Q3/coverage/municipality/1382", false, "none", "unchanged", num(1)},
			{"2026Q3/coverage/region/13", false, "none", "better", nil},
			{"2025Q3/coverage/total/", false, "none", "none", nil},
			{"2025Q3/coverage/municipality/1380", false, "none", "none", num(0.2)},
			{"2025Q3/coverage/municipality/1382", false, "none", "none", num(0.2)},
			{"2026Q4/coverage/total/", true, "none", "none", nil},
			{"2026Q3/requests_denied/total/", false, "none", "worse", nil},
			{"2026Q3/requests_denied/municipality/1380", false, "none", "worse", num(17)},
			{"2026Q3/requests_denied/municipality/1382", false, "none", "unchanged", num(17)},
			// 4 → 13: exact p = 0.049 (the normal approximation: 0.052).
			{"2026Q3/requests_denied/context/discharge", false, "none", "worse", nil},
			{"2026Q3/requests_denied/context/standard", false, "none", "unchanged", nil},
			{"2026Q3/lead_time_median_days/total/", false, "none", "better", nil},
			{"2026Q3/lead_time_median_days/municipality/1382", false, "none", "better", num(10)},
			{"2026Q3/lead_time_median_days/municipality/1380", false, "none", "none", num(10)},
			{"2026Q3/needs_detected/total/", false, "none", "none", nil},
			{"2026Q4/needs_detected/total/", false, "none", "none", nil},
			{"2026Q3/followups_due/total/", false, "none", "none", nil},
			{"2026Q4/followups_overdue/total/", false, "none", "none", nil},
		})
		for _, p := range []string{"2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"} {
			if _, ok := ix[p+"/followups_overdue/total/"]; ok {
				t.Errorf("followups_overdue has a value in %s; a count at A has one, in 2026Q4", p)
			}
		}
	})
	t.Run("default settings give no status", func(t *testing.T) {
		for _, v := range ix {
			if v.Status != StatusNone {
				t.Errorf("%s %s %s %s: status %q without a target", v.Period, v.KPIID, v.Breakdown, v.Group, v.Status)
			}
		}
	})
	for _, tc := range []struct {
		asOf  string
		cases []judged
	}{
		{"2026-12-29", []judged{
			{"2026Q3/coverage/total/", false, "none", "better", nil},
			{"2026Q4/needs_detected/total/", true, "none", "none", nil},
		}},
		{"2026-12-28", []judged{
			{"2026Q3/coverage/total/", true, "none", "none", nil},
			{"2026Q3/coverage/municipality/1380", true, "none", "none", num(1)},
			{"2026Q3/needs_detected/total/", false, "none", "none", nil},
			{"2026Q3/requests_denied/total/", false, "none", "worse", nil},
			{"2026Q4/needs_detected/total/", true, "none", "none", nil},
			{"2026Q3/followups_due/total/", false, "none", "none", nil},
			{"2026Q4/followups_overdue/total/", false, "none", "none", nil},
		}},
		{"2026-10-14", []judged{
			{"2026Q3/coverage/total/", true, "none", "none", nil},
			{"2026Q3/followups_due/total/", false, "none", "none", nil},
			{"2026Q2/coverage/total/", false, "none", "none", nil},
		}},
		{"2026-10-13", []judged{
			{"2026Q3/lead_time_median_days/total/", true, "none", "none", nil},
			{"2026Q3/followups_due/total/", true, "none", "none", nil},
			{"2026Q3/followup_on_time_share/total/", true, "none", "none", nil},
			{"2026Q3/needs_detected/total/", false, "none", "none", nil},
			{"2026Q2/coverage/total/", false, "none", "none", nil},
			{"2026Q2/followups_due/total/", false, "none", "none", nil},
			{"2026Q4/followups_overdue/total/", false, "none", "none", nil},
		}},
		{"2026-09-27", []judged{
			{"2026Q3/needs_detected/total/", true, "none", "none", nil},
			{"2026Q3/followups_due/total/", true, "none", "none", nil},
			{"2026Q2/coverage/total/", true, "none", "none", nil},
			{"2026Q2/needs_detected/total/", false, "none", "none", nil},
			{"2026Q3/followups_overdue/total/", false, "none", "none", nil},
		}},
	} {
		t.Run("as of "+tc.asOf, func(t *testing.T) {
			a := day(tc.asOf)
			checkJudged(t, computed(t, db, Params{AsOf: &a, Settings: DefaultSettings()}), tc.cases)
		})
	}
}

func TestTargetsChangeStatus(t *testing.T) {
	s := DefaultSettings()
	s.Targets = map[string]string{"coverage": ">= 0.5", "requests_denied": "<= 5"}
	db, ix := fixtureValues(t, s, "judge")
	checkJudged(t, ix, []judged{
		{"2026Q3/coverage/total/", false, "met", "better", nil},
		{"2025Q3/coverage/total/", false, "not_met", "none", nil},
		// 0.5 >= 0.5: met on the boundary.
		{"2025Q3/coverage/municipality/1382", false, "met", "none", num(0.2)},
		{"2025Q3/coverage/municipality/1380", false, "not_met", "none", num(0.2)},
		{"2026Q4/coverage/total/", true, "none", "none", nil},
		{"2026Q3/requests_denied/total/", false, "not_met", "worse", nil},
		// 5 <= 5: met on the boundary.
		{"2026Q3/requests_denied/municipality/1382", false, "met", "unchanged", num(17)},
		{"2026Q3/requests_denied/municipality/1380", false, "not_met", "worse", num(17)},
		// 2025Q4 had none either: 0 → 0 is unchanged.
		{"2026Q4/requests_denied/total/", false, "met", "unchanged", nil},
	})
	cat, err := LoadCatalog(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range cat {
		switch k.ID {
		case "coverage":
			if k.Target == nil || *k.Target != 0.5 || k.TargetOp != ">=" || k.TargetSource != TargetSourceSettings {
				t.Errorf("coverage: target %v %q (%q), want >= 0.5 from the settings", fmtFloat(k.Target), k.TargetOp, k.TargetSource)
			}
		case "within_target_share":
			if k.Target != nil {
				t.Errorf("within_target_share: target %v without one in the settings", *k.Target)
			}
		}
	}

	t.Run("a preliminary value has no status", func(t *testing.T) {
		a := day("2026-12-28")
		checkJudged(t, computed(t, db, Params{AsOf: &a, Settings: s}), []judged{
			{"2026Q3/coverage/total/", true, "none", "none", nil},
			{"2026Q3/requests_denied/total/", false, "not_met", "worse", nil},
		})
	})
	t.Run("a survey target the data has no KPI for is named", func(t *testing.T) {
		s := DefaultSettings()
		s.Targets = map[string]string{"survey_Q99": ">= 70"}
		err := Build(context.Background(), db, s)
		if err == nil || !strings.Contains(err.Error(), "survey_Q99") {
			t.Errorf("Build with a target for survey_Q99: %v, want an error naming it", err)
		}
	})
}

func TestObservationWindowOverride(t *testing.T) {
	s := DefaultSettings()
	s.ObservationWindowDays = map[string]int{"coverage": 0, "needs_detected": 30}
	db := fixtureDB(t, s, "judge")
	a := day("2026-12-28")
	got, err := Compute(context.Background(), db, Params{AsOf: &a, Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	checkJudged(t, indexValues(got), []judged{
		// W = 0: 09-30 is not after 12-28.
		{"2026Q3/coverage/total/", false, "none", "better", nil},
		// W = 30: 2026Q3 09-30 + 30 = 10-30 ≤ 12-28 → final.
		{"2026Q3/needs_detected/total/", false, "none", "none", nil},
		{"2026Q3/lead_time_median_days/total/", true, "none", "none", nil},
	})
}

func TestCatalogueJudgement(t *testing.T) {
	ks := Catalog()
	window := map[string]int{}
	for _, k := range ks {
		window[k.ID] = k.ObservationWindowDays
		if k.Target != nil {
			t.Errorf("%s: a shipped target %v (kpis.md: none is invented)", k.ID, *k.Target)
		}
		if k.FamilySV == "" || k.FamilyEN == "" || k.UnitSV == "" || k.UnitEN == "" {
			t.Errorf("%s: family or unit label missing", k.ID)
		}
	}
	// kpis.md "Preliminary values".
	for _, id := range []string{"coverage", "within_target_share", "lead_time_median_days", "lead_time_p90_days",
		"lead_time_p25_days", "lead_time_p75_days", "lead_time_min_days", "lead_time_max_days",
		"invitation_lead_median_days", "discharge_sip_share", "discharge_to_meeting_median_days",
		"discharge_invitation_on_time_share", "plan_complete_share"} {
		if window[id] != 90 {
			t.Errorf("%s: observation window %d, want 90", id, window[id])
		}
	}
	for _, id := range []string{"followups_due", "followup_on_time_share"} {
		if window[id] != 14 {
			t.Errorf("%s: observation window %d, want the tolerance 14", id, window[id])
		}
	}
	for _, id := range []string{"needs_detected", "meetings_held", "deviations", "goals_set", "sips_closed"} {
		if window[id] != 0 {
			t.Errorf("%s: observation window %d, want 0 (a count of events)", id, window[id])
		}
	}
	for _, id := range []string{"lead_time_median_days", "lead_time_p90_days"} {
		k := findKPI(ks, id)
		if k.ReferenceLine == nil || *k.ReferenceLine != 21 {
			t.Errorf("%s: reference line %v, want 21", id, fmtFloat(k.ReferenceLine))
		}
	}
	s := DefaultSettings()
	s.FollowUpToleranceDays = 20
	if w := findKPI(CatalogWith(s), "followup_on_time_share").ObservationWindowDays; w != 20 {
		t.Errorf("followup_on_time_share: window %d with tolerance 20", w)
	}
	n := 0
	for _, k := range ks {
		if k.Headline {
			n++
		}
	}
	if n != 8 {
		t.Errorf("%d headline KPIs, want the 8 of the steering summary", n)
	}
}

func TestTargetSettings(t *testing.T) {
	ok := map[string]Target{
		">= 0.80": {">=", 0.8}, "<=14": {"<=", 14}, "≥ 80 %": {">=", 0.8}, ">= 0,75": {">=", 0.75},
	}
	for rule, want := range ok {
		id := "within_target_share"
		if want.Op == "<=" {
			id = "lead_time_median_days"
		}
		s := DefaultSettings()
		s.Targets = map[string]string{id: rule}
		got, err := s.ParseTargets()
		if err != nil || got[id] != want {
			t.Errorf("%s = %q: %v, %v; want %v", id, rule, got[id], err, want)
		}
	}
	for name, tc := range map[string]struct{ id, rule, wantErr string }{
		"an unknown KPI id is named":      {"within_target_shares", ">= 0.8", "targets.within_target_shares: no KPI"},
		"a rule without operator":         {"coverage", "0.8", `want ">= level"`},
		"a rule without number":           {"coverage", ">= high", "not a number"},
		"a share above 1":                 {"coverage", ">= 80", "0…1"},
		"per cent for a non-share":        {"lead_time_median_days", "<= 21 %", "per cent"},
		"an operator against direction":   {"lead_time_median_days", ">= 21", "lower is better"},
		"an operator against direction 2": {"coverage", "<= 0.9", "higher is better"},
	} {
		t.Run(name, func(t *testing.T) {
			s := DefaultSettings()
			s.Targets = map[string]string{tc.id: tc.rule}
			err := s.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tc.wantErr)
			}
		})
	}
	t.Run("from the settings file", func(t *testing.T) {
		path := t.TempDir() + "/s.toml"
		if err := writeFile(path, "[targets]\nwithin_target_share = \">= 0.80\"\n[observation_window_days]\ncoverage = 120\n"); err != nil {
			t.Fatal(err)
		}
		s, err := LoadSettings(path)
		if err != nil {
			t.Fatal(err)
		}
		k := findKPI(CatalogWith(s), "within_target_share")
		if k.Target == nil || *k.Target != 0.8 || k.TargetOp != ">=" {
			t.Errorf("within_target_share target %v %q", fmtFloat(k.Target), k.TargetOp)
		}
		if w := findKPI(CatalogWith(s), "coverage").ObservationWindowDays; w != 120 {
			t.Errorf("coverage window %d, want 120", w)
		}
		if err := writeFile(path, "[targets]\nwithin_target_share = \"80\"\n"); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadSettings(path); err == nil || !strings.Contains(err.Error(), "within_target_share") {
			t.Errorf("malformed rule: %v, want an error naming within_target_share", err)
		}
	})
}

func writeFile(path, body string) error { return os.WriteFile(path, []byte(body), 0o644) }

// TestOlderDatabaseIsNamed: a database whose kpi_values an older sipstat
// built (no preliminary, status, trend) gets a message saying to load again.
func TestOlderDatabaseIsNamed(t *testing.T) {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, "", warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `create table kpi_values (period varchar, period_start date, period_end date, kpi_id varchar,
		breakdown varchar, group_value varchar, group_label varchar, value double, numerator double,
		denominator double, n bigint, excluded bigint, no_data boolean);
		create table kpi_catalog (kpi_id varchar, sort_order integer)`); err != nil {
		t.Fatal(err)
	}
	if _, err := Values(ctx, db, Filter{}); err == nil || !strings.Contains(err.Error(), "older sipstat") {
		t.Errorf("Values on an older database: %v", err)
	}
	if _, err := LoadCatalog(ctx, db); err == nil || !strings.Contains(err.Error(), "older sipstat") {
		t.Errorf("LoadCatalog on an older database: %v", err)
	}
}
