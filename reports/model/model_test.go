package model_test

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

func loadFixture(t *testing.T, opts model.Options) *model.Report {
	t.Helper()
	db := reporttest.Fixture(t)
	r, err := model.Load(context.Background(), db, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLoadFixture(t *testing.T) {
	created := time.Date(2026, 10, 6, 8, 0, 0, 0, time.UTC)
	r := loadFixture(t, model.Options{Created: created})

	t.Run("the period defaults to the latest complete quarter before the as-of date", func(t *testing.T) {
		if r.Meta.Period.Label != "2026Q3" {
			t.Fatalf("period = %s, want 2026Q3", r.Meta.Period.Label)
		}
		if len(r.Meta.Trend) != 8 || r.Meta.Trend[0].Label != "2024Q4" || r.Meta.Trend[7].Label != "2026Q3" {
			t.Fatalf("trend = %v", r.Meta.Trend)
		}
		if !r.Meta.AsOf.Equal(reporttest.FixtureAsOf) || r.Meta.RegionName != "Region Stockholm" || r.Meta.Threshold != 5 || !r.Meta.Created.Equal(created) {
			t.Fatalf("meta = %+v", r.Meta)
		}
	})

	t.Run("every KPI's current, previous and year-ago totals are the catalogue's", func(t *testing.T) {
		if len(r.KPIs) != len(reporttest.FixtureKPIs) {
			t.Fatalf("%d KPIs, want %d", len(r.KPIs), len(reporttest.FixtureKPIs))
		}
		for ki, fk := range reporttest.FixtureKPIs {
			k := r.KPIs[ki]
			for _, c := range []struct {
				name string
				qi   int
				got  model.Figure
			}{{"current", 7, k.Current}, {"previous", 6, k.Previous}, {"year ago", 3, k.YearAgo}} {
				want := reporttest.FixtureValue(fk, ki, c.qi, -1)
				if c.got.Value == nil || math.Abs(*c.got.Value-*want.Value) > 1e-12 || c.got.Suppressed {
					t.Errorf("%s %s = %+v, want %v", fk.ID, c.name, c.got, *want.Value)
				}
			}
			for qi, p := range k.Trend {
				want := reporttest.FixtureValue(fk, ki, qi, -1)
				if p.Figure.Value == nil || *p.Figure.Value != *want.Value {
					t.Errorf("%s trend %s = %+v, want %v", fk.ID, p.Period, p.Figure, *want.Value)
				}
			}
		}
	})

	t.Run("a small group and the next smallest are suppressed, the rest shown", func(t *testing.T) {
		b := r.KPI("coverage").Breakdown("municipality")
		if b == nil || len(b.Groups) != 3 {
			t.Fatalf("coverage by municipality = %+v", b)
		}
		// 2026Q3 is quarter 7 (odd): group 0 has n = 3, group 1 n = 22, group 2 n = 25.
		want := []bool{true, true, false}
		for i, g := range b.Groups {
			if g.Figure.Suppressed != want[i] || (g.Figure.Suppressed && (g.Figure.Value != nil || g.Figure.Numerator != nil)) {
				t.Errorf("%s suppressed = %v (value %v), want %v", g.Code, g.Figure.Suppressed, g.Figure.Value, want[i])
			}
			if g.Figure.Suppressed && g.Figure.Mark() != ".." {
				t.Errorf("%s mark = %q", g.Code, g.Figure.Mark())
			}
		}
		if b.Groups[2].Label != "Stockholm" {
			t.Errorf("label = %q", b.Groups[2].Label)
		}
	})

	t.Run("status is the catalogue's, and a preliminary value has none", func(t *testing.T) {
		for _, c := range []struct {
			id   string
			want model.Status
		}{
			{"needs_detected", model.StatusNoTarget},
			{"lead_time_median_days", model.StatusMet}, // 14 + 7 - 2 + 2 = 21 days ≤ 21
			{"coverage", model.StatusPreliminary},      // 0.84 < 0.9, but preliminary
			{"summoned_absent_share", model.StatusNoTarget},
		} {
			if got := r.KPI(c.id).Status; got != c.want {
				t.Errorf("%s status = %s (value %v), want %s", c.id, got, *r.KPI(c.id).Current.Value, c.want)
			}
		}
	})

	t.Run("the steering summary reads headline, preliminary and trend from the catalogue", func(t *testing.T) {
		var ids []string
		for _, k := range r.SteeringKPIs() {
			ids = append(ids, k.ID)
		}
		if want := []string{"coverage", "summoned_attendance_share", "individual_present_share", "goal_achieved_share"}; !slices.Equal(ids, want) {
			t.Fatalf("steering KPIs = %q, want %q", ids, want)
		}
		cov := r.KPI("coverage")
		// The latest final value is the quarter before: 2026Q2 (quarter 6).
		want := reporttest.FixtureValue(reporttest.FixtureKPIs[1], 1, 6, -1)
		if !cov.Current.Preliminary || cov.FinalPeriod != "2026Q2" || cov.Final.Value == nil || *cov.Final.Value != *want.Value {
			t.Errorf("coverage: preliminary %v, final %s %v, want 2026Q2 %v", cov.Current.Preliminary, cov.FinalPeriod, cov.Final.Value, *want.Value)
		}
		if got := r.KPI("summoned_attendance_share").Change; got != model.ChangeBetter {
			t.Errorf("summoned attendance change = %q, want better", got)
		}
		h := strings.Join(r.Highlights("sv"), " ")
		for _, part := range []string{"1 av 4 nyckeltal är preliminära", "2026Q2", "Bättre: närvaro bland kallade"} {
			if !strings.Contains(h, part) {
				t.Errorf("highlights lack %q:\n%s", part, h)
			}
		}
	})

	t.Run("families keep catalogue order and carry their KPIs", func(t *testing.T) {
		var ids []string
		for _, f := range r.Families {
			ids = append(ids, f.ID)
		}
		want := []string{"coverage", "lead_times", "attendance", "participation", "goals", "closure", "deviations", "ways_of_working", "user_audit"}
		if len(ids) != len(want) {
			t.Fatalf("families = %v, want %v", ids, want)
		}
		for i := range want {
			if ids[i] != want[i] {
				t.Fatalf("families = %v, want %v", ids, want)
			}
		}
		if r.Families[0].NameSV != "Genomförande" || len(r.Families[0].KPIs) != 2 {
			t.Errorf("first family = %+v", r.Families[0])
		}
	})

	t.Run("matrices hold org type × quarter, goal shares and survey respondents", func(t *testing.T) {
		if len(r.Attendance.Rows) != 3 || len(r.Attendance.Columns) != 8 || len(r.Attendance.Rows[0].Cells) != 8 {
			t.Fatalf("attendance = %+v", r.Attendance)
		}
		if len(r.GoalsByQuarter.Rows) != 3 || len(r.GoalsByMunicipality.Columns) != 3 {
			t.Fatalf("goals = %+v / %+v", r.GoalsByQuarter, r.GoalsByMunicipality)
		}
		if len(r.Deviations.Rows) != 3 {
			t.Fatalf("deviations = %+v", r.Deviations)
		}
		if len(r.Survey.Rows) != 1 || len(r.Survey.Columns) != 3 {
			t.Fatalf("survey = %+v", r.Survey)
		}
	})

	t.Run("the process funnel follows one population; a step without a catalogue KPI says no data", func(t *testing.T) {
		// Need → consent → invitation → first meeting, all over the SIPs
		// whose need was detected in the period: no follow-ups or closures.
		if len(r.Funnel) != 4 || r.Funnel[0].KPIID != "needs_detected" || r.Funnel[3].Step != "meeting" {
			t.Fatalf("funnel = %+v", r.Funnel)
		}
		if r.Funnel[1].KPIID != "" || r.Funnel[1].Figure.Mark() != "-" {
			t.Fatalf("consent step = %+v", r.Funnel[1])
		}
	})

	t.Run("data quality counts rejects per reason and flags per rule", func(t *testing.T) {
		q := r.Quality
		if len(q.Files) != 2 || len(q.Rejects) != 2 || q.Rejects[0].Rows != 2 || len(q.Warnings) != 1 {
			t.Fatalf("quality = %+v", q)
		}
		if len(q.Flags) != 2 || q.Flags[0].Rule != "meeting_before_need" || q.Flags[0].Rows != 2 || q.Flags[1].Rows != 0 {
			t.Fatalf("flags = %+v", q.Flags)
		}
		if len(q.Excluded) != len(r.KPIs) || q.Excluded[1].Excluded != 1 {
			t.Fatalf("excluded = %+v", q.Excluded)
		}
	})

	t.Run("the mapping assignment's nine questions, figures ordered by value, with what they show", func(t *testing.T) {
		if len(r.Mapping) != 9 || r.Mapping[0].TextSV != "Vilka hinder finns för att använda SIP, hur kan de undanröjas?" {
			t.Fatalf("%d questions, first %q", len(r.Mapping), r.Mapping[0].TextSV)
		}
		first := r.Mapping[0]
		if len(first.Answers) == 0 || first.Answers[0].KPI.ID != "summoned_absent_share" || first.Answers[0].Breakdown != "org_type" {
			t.Fatalf("first question = %+v", first)
		}
		rows := first.Answers[0].Rows()
		for i := 1; i < len(rows); i++ {
			if rows[i].Figure.Shown() && (!rows[i-1].Figure.Shown() || *rows[i].Figure.Value > *rows[i-1].Figure.Value) {
				t.Errorf("rows not ordered by value: %v", rows)
			}
		}
		// Lower is better: the highest absence is the worst; with fewer than
		// two figures shown there is nothing to compare.
		shown := 0
		for _, g := range rows {
			if g.Figure.Shown() {
				shown++
			}
		}
		if shown >= 2 && !strings.Contains(first.FindingSV, "sämst "+rows[0].Label) ||
			shown < 2 && first.FindingSV != "För få värden för att jämföra grupperna." {
			t.Errorf("finding = %q (%d shown), want the highest absence (%s) as the worst", first.FindingSV, shown, rows[0].Label)
		}
		if q := r.Mapping[1]; len(q.Answers) != 0 || !strings.Contains(q.OpenSV, "kan inte besvaras") {
			t.Errorf("question 2 = %+v, want no figures and a sentence that the data cannot answer it", q)
		}
		for _, q := range r.Mapping {
			for _, a := range q.Answers {
				if a.Breakdown == "initiated_by" {
					t.Errorf("%s: answer with a breakdown the fixture lacks", q.ID)
				}
			}
		}
	})
}

// TestLoadMunicipality loads a municipality's report from the real
// pipeline: its own figures are its scope's, equal to its group of the
// region's values, and its breakdowns are its own, not the region's.
func TestLoadMunicipality(t *testing.T) {
	db := reporttest.Open(t)
	ctx := context.Background()
	r, err := model.Load(ctx, db, model.Options{Municipality: "0180"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Meta.MunicipalityName != "Stockholm" || r.Meta.Scope() != "Stockholm" {
		t.Fatalf("meta = %+v", r.Meta)
	}
	p := r.Meta.Period.Label
	vs, err := transform.Values(ctx, db, transform.Filter{Periods: []string{p}, KPIIDs: []string{"needs_detected", "summoned_attendance_share"}})
	if err != nil {
		t.Fatal(err)
	}
	var region, muni transform.Value
	var regionOrg float64
	for _, v := range vs {
		switch {
		case v.KPIID == "needs_detected" && v.Breakdown == "municipality" && v.Group == "0180":
			muni = v
		case v.KPIID == "summoned_attendance_share" && v.Breakdown == "total":
			region = v
		case v.KPIID == "summoned_attendance_share" && v.Breakdown == "org_type" && v.Denominator != nil:
			regionOrg += *v.Denominator
		}
	}
	if got := r.KPI("needs_detected").Current; got.Value == nil || *got.Value != *muni.Value {
		t.Errorf("needs_detected for 0180 = %+v, want its group of the region's values %v", got, *muni.Value)
	}
	// The org-type breakdown is Stockholm's own: fewer summoned than the region's.
	own := 0.0
	for _, g := range r.KPI("summoned_attendance_share").Breakdown("org_type").Groups {
		if g.Figure.Denominator != nil {
			own += *g.Figure.Denominator
		}
	}
	if own == 0 || own >= regionOrg {
		t.Errorf("org-type denominators: municipality %v, region %v: want the municipality's own, fewer", own, regionOrg)
	}
	// The reference is the region's value.
	if ref := r.KPI("summoned_attendance_share").Reference; ref.Value == nil || *ref.Value != *region.Value {
		t.Errorf("reference = %+v, want the region's %v", ref, *region.Value)
	}
	if _, err := model.Load(ctx, db, model.Options{Municipality: "9999"}); err == nil {
		t.Fatal("unknown municipality: want an error")
	}
}
