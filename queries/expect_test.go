package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/sipstat/sipstat/warehouse"
)

// runJSON runs a named query and decodes its rows.
func runJSON(t *testing.T, db warehouse.Querier, name string, params map[string]string, opt Options) []map[string]any {
	t.Helper()
	q, err := Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	opt.Format = FormatJSON
	if _, err := Run(context.Background(), db, q, params, &b, opt); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(b.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// allQuarters runs a named query on the sample over 40 quarters (all it
// holds) and returns the sample and the rows.
func allQuarters(t *testing.T, name string) (*warehouse.DB, []map[string]any) {
	t.Helper()
	db := openSample(t)
	return db, runJSON(t, db, name, map[string]string{"quarters": "40"}, Options{})
}

// eachRow runs query on db and calls each for every row, with the row's
// Scan; any error fails t.
func eachRow(t *testing.T, db warehouse.Querier, query string, each func(row func(dest ...any)), args ...any) {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		each(func(dest ...any) {
			if err := rows.Scan(dest...); err != nil {
				t.Fatal(err)
			}
		})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// kpiRow is one row of kpi_values, read with a plain SELECT.
type kpiRow struct {
	value, num, den *float64
	n               int64
}

func kpiValues(t *testing.T, db warehouse.Querier, kpiID, breakdown string) map[string]kpiRow {
	t.Helper()
	out := map[string]kpiRow{}
	eachRow(t, db, "select period, group_value, value, numerator, denominator, n from kpi_values where kpi_id = $1 and breakdown = $2", func(row func(dest ...any)) {
		var period, group string
		var r kpiRow
		row(&period, &group, &r.value, &r.num, &r.den, &r.n)
		out[period+"/"+group] = r
	}, kpiID, breakdown)
	return out
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The lead-time query reads kpi_values; its pivot puts each KPI's figure in
// its column: per quarter and municipality, the median lead time and its
// units, the within-target share's numerator and denominator (transform's
// oracle tests check the figures themselves).
func TestLeadTimesMatchKPIValues(t *testing.T) {
	db, rows := allQuarters(t, "lead_times_by_municipality")
	median := kpiValues(t, db, "lead_time_median_days", "municipality")
	within := kpiValues(t, db, "within_target_share", "municipality")
	checked := 0
	seen := map[string]bool{}
	for _, r := range rows {
		key := fmt.Sprint(r["quarter"], "/", r["municipality_code"])
		seen[key] = true
		m, ok := median[key]
		if !ok {
			t.Errorf("%s: no lead_time_median_days in kpi_values", key)
			continue
		}
		if m.n != int64(num(r["n_met"])) {
			t.Errorf("%s: n_met %v, kpi n %d", key, r["n_met"], m.n)
		}
		if (m.value == nil) != (r["median_lead_days"] == nil) || m.value != nil && !near(*m.value, num(r["median_lead_days"])) {
			t.Errorf("%s: median %v, kpi %v", key, r["median_lead_days"], m.value)
		}
		w := within[key]
		if w.den == nil || *w.den != num(r["n_due"]) || *w.num != num(r["n_within_target"]) {
			t.Errorf("%s: within target %v/%v, kpi %v/%v", key, r["n_within_target"], r["n_due"], w.num, w.den)
		}
		checked++
	}
	for key, m := range median {
		if m.n > 0 && !seen[key] {
			t.Errorf("%s: kpi_values has %d SIPs with a lead time, the query no row", key, m.n)
		}
	}
	if checked < 50 {
		t.Errorf("only %d rows compared", checked)
	}
	t.Logf("%d quarter × municipality rows agree with kpi_values", checked)
}

// Attendance by org type against transform's summoned_attendance_share and
// summoned_absent_share by org_type (numerators and denominators).
func TestAttendanceMatchesKPIValues(t *testing.T) {
	db, rows := allQuarters(t, "attendance_by_org_type")
	att := kpiValues(t, db, "summoned_attendance_share", "org_type")
	abs := kpiValues(t, db, "summoned_absent_share", "org_type")
	checked := 0
	for _, r := range rows {
		key := fmt.Sprint(r["quarter"], "/", r["org_type"])
		a, b := att[key], abs[key]
		summoned := num(r["n_summoned"])
		if summoned == 0 {
			if a.n != 0 {
				t.Errorf("%s: no summoned, kpi n %d", key, a.n)
			}
			continue
		}
		if a.den == nil || *a.den != summoned || *a.num != num(r["n_summoned_attended"])+num(r["n_summoned_substitute"]) {
			t.Errorf("%s: attended %v+%v of %v, kpi %v/%v", key, r["n_summoned_attended"], r["n_summoned_substitute"], summoned, a.num, a.den)
		}
		if b.den == nil || *b.num != num(r["n_summoned_absent"]) || !near(*b.value, num(r["summoned_absent_share"])) {
			t.Errorf("%s: absent %v (%v), kpi %v (%v)", key, r["n_summoned_absent"], r["summoned_absent_share"], b.num, b.value)
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d rows compared", checked)
	}
	t.Logf("%d quarter × org type rows agree with kpi_values", checked)
}

// The overdue list, checked in plain Go: from every validly held meeting,
// find each open SIP's latest one, and list it when its follow-up date plus
// 14 days is before the as-of date. Its length must also equal the KPI
// followups_overdue of the as-of quarter.
func TestFollowupsOverdueIndependently(t *testing.T) {
	db := openSample(t)
	rows := runJSON(t, db, "followups_overdue", nil, Options{})

	type latest struct {
		held, next time.Time
		hasNext    bool
		id         string
	}
	last := map[string]latest{}
	eachRow(t, db, "select source, sip_id, meeting_id, held_date, next_follow_up_date from meetings where is_valid_held", func(row func(dest ...any)) {
		var src, sip, id string
		var held time.Time
		var next *time.Time
		row(&src, &sip, &id, &held, &next)
		if held.After(sampleAsOf) {
			return
		}
		k := src + "\x00" + sip
		cur, ok := last[k]
		if !ok || held.After(cur.held) || held.Equal(cur.held) && id > cur.id {
			l := latest{held: held, id: id}
			if next != nil {
				l.next, l.hasNext = *next, true
			}
			last[k] = l
		}
	})
	want := map[string]int{}
	eachRow(t, db, "select source, sip_id, closed_date, has_flagged_held from sips", func(row func(dest ...any)) {
		var src, sip string
		var closed *time.Time
		var flagged bool
		row(&src, &sip, &closed, &flagged)
		l, ok := last[src+"\x00"+sip]
		if !ok || !l.hasNext || flagged || closed != nil && !closed.After(sampleAsOf) {
			return
		}
		if l.next.AddDate(0, 0, 14).Before(sampleAsOf) {
			want[sip] = int(sampleAsOf.Sub(l.next).Hours() / 24)
		}
	})
	if len(rows) != len(want) {
		t.Errorf("query lists %d overdue SIPs, Go finds %d", len(rows), len(want))
	}
	for _, r := range rows {
		sip := r["sip_id"].(string)
		if d, ok := want[sip]; !ok || d != int(num(r["days_overdue"])) {
			t.Errorf("%s: days_overdue %v, Go %d (listed by Go: %v)", sip, r["days_overdue"], d, ok)
		}
	}
	kpi := kpiValues(t, db, "followups_overdue", "total")["2026Q4/"]
	if kpi.value == nil || int(*kpi.value) != len(rows) {
		t.Errorf("kpi followups_overdue 2026Q4 = %v, query rows %d", kpi.value, len(rows))
	}
	if len(rows) == 0 {
		t.Error("no overdue SIPs in the sample: the test checks nothing")
	}
}

// School-initiated versus other: the needs per quarter counted in plain Go
// from the sips rows, and coverage against transform's coverage KPI.
func TestSchoolInitiatedIndependently(t *testing.T) {
	db, rows := allQuarters(t, "school_initiated_vs_other")
	want := map[string]int{}
	eachRow(t, db, "select initiated_by, need_detected_date from sips", func(row func(dest ...any)) {
		var by string
		var need time.Time
		row(&by, &need)
		who := "other"
		if by == "school" {
			who = "school"
		}
		want[fmt.Sprintf("%dQ%d/%s", need.Year(), (int(need.Month())+2)/3, who)]++
	})
	got := map[string]int{}
	for _, r := range rows {
		got[fmt.Sprint(r["quarter"], "/", r["initiator"])] = int(num(r["n_needs"]))
	}
	if len(got) != len(want) {
		t.Errorf("query has %d quarter × initiator rows, Go %d", len(got), len(want))
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: query %d needs, Go %d", k, got[k], n)
		}
	}
	if want[fmt.Sprintf("%dQ%d/school", 2026, 3)] == 0 {
		t.Error("no school-initiated SIPs in 2026Q3: the comparison is weak")
	}
	// Coverage summed over both initiators is the KPI's total coverage.
	cov := kpiValues(t, db, "coverage", "total")
	due, met := map[string]float64{}, map[string]float64{}
	for _, r := range rows {
		due[r["quarter"].(string)] += num(r["n_due"])
		met[r["quarter"].(string)] += num(r["n_met_due"])
	}
	for q, d := range due {
		k := cov[q+"/"]
		if k.den == nil || *k.den != d || *k.num != met[q] {
			t.Errorf("%s: coverage %v/%v, kpi %v/%v", q, met[q], d, k.num, k.den)
		}
	}
}

// Children's participation summed over the age bands is the KPI
// child_present_share of each quarter.
func TestChildParticipationMatchesKPIValues(t *testing.T) {
	if n := sumsMatchKPI(t, "child_participation", "n_child_present", "n_asked", "child_present_share"); n < 8 {
		t.Errorf("only %d quarters with child meetings", n)
	}
}

// sumsMatchKPI runs a named query over 40 quarters and checks that, in each
// quarter, its columns num and den summed over the rows are the numerator
// and denominator of the KPI's total. It returns how many quarters it
// compared.
func sumsMatchKPI(t *testing.T, query, numCol, denCol, kpiID string) int {
	t.Helper()
	db, rows := allQuarters(t, query)
	nums, dens := map[string]float64{}, map[string]float64{}
	for _, r := range rows {
		q := r["quarter"].(string)
		nums[q] += num(r[numCol])
		dens[q] += num(r[denCol])
	}
	kpi := kpiValues(t, db, kpiID, "total")
	for q, d := range dens {
		k := kpi[q+"/"]
		if k.den == nil || *k.den != d || *k.num != nums[q] {
			t.Errorf("%s %s: %s/%s = %v/%v, %s %v/%v", query, q, numCol, denCol, nums[q], d, kpiID, k.num, k.den)
		}
	}
	return len(dens)
}

// --suppress on a named query of the sample: no shown count is 1–4, no
// shown median or share rests on fewer than 5 SIPs, and no quarter has
// exactly one hidden municipality.
func TestSuppressedLeadTimesOnSample(t *testing.T) {
	db := openSample(t)
	rows := runJSON(t, db, "lead_times_by_municipality", nil, Options{Suppress: true})
	hiddenPer := map[string]int{}
	nHidden := 0
	for _, r := range rows {
		q := r["quarter"].(string)
		switch v := r["n_met"].(type) {
		case string:
			if v != ".." {
				t.Errorf("n_met = %q", v)
			}
			hiddenPer[q]++
			nHidden++
		case float64:
			if v > 0 && v < 5 {
				t.Errorf("%s %s: n_met %v shown", q, r["municipality_code"], v)
			}
		}
		if _, shown := r["median_lead_days"].(float64); shown {
			if m, ok := r["n_met"].(float64); !ok || m < 5 {
				t.Errorf("%s %s: median shown over n_met %v", q, r["municipality_code"], r["n_met"])
			}
		}
	}
	for q, n := range hiddenPer {
		if n == 1 {
			t.Errorf("%s: exactly one hidden municipality", q)
		}
	}
	if nHidden == 0 {
		t.Error("nothing was suppressed on the sample: the test checks nothing")
	}
}

// A parameter holding SQL is bound as a value: it matches nothing and runs
// nothing.
func TestNamedQueryParameterWithSQL(t *testing.T) {
	db := openSample(t)
	evil := "0180' or '1'='1"
	all := runJSON(t, db, "deviations_by_category", nil, Options{})
	rows := runJSON(t, db, "deviations_by_category", map[string]string{"municipality": evil}, Options{})
	if len(rows) == len(all) {
		t.Errorf("the SQL in the parameter matched all %d rows", len(rows))
	}
	evil = "x'); drop table sips; --"
	runJSON(t, db, "deviations_by_category", map[string]string{"municipality": evil}, Options{})
	var n int
	if err := db.QueryRowContext(context.Background(), "select count(*) from sips").Scan(&n); err != nil || n == 0 {
		t.Fatalf("sips after the parameter: %d rows, %v", n, err)
	}
}

// Goal attainment summed over the areas is the KPIs goals_reviewed and
// goal_achieved_share of each quarter.
func TestGoalAttainmentMatchesKPIValues(t *testing.T) {
	if n := sumsMatchKPI(t, "goal_attainment_by_area", "n_achieved", "n_reviewed", "goal_achieved_share"); n < 6 {
		t.Errorf("only %d quarters with reviewed goals", n)
	}
}
