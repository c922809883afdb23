package transform_test

import (
	"encoding/csv"
	"fmt"
	"hash/fnv"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// This file checks kpi_funnel and kpi_spc (sql/compare) against plain-Go
// implementations written from kpis.md "Comparisons": the funnel limits
// p ± z·sqrt(p(1−p)/n) with transform.Suppress deciding which municipalities
// are published, and the p-chart with Anhøj's run rules, whose thresholds
// are computed exactly (big integers) and checked against Anhøj's published
// table. The monthly numerators and denominators of the whole extract come
// from the KPI oracle of oracle_test.go (its quarterly definitions applied
// to a month), those of each region from kpi_spc itself, checked by summing
// to the quarterly kpi_values.

// anhojTable is Table 1 of Anhøj & Olesen (2014), "Run charts revisited: a
// simulation study of run chart rules for detection of non-random
// variation in health care processes", PLoS ONE 9(11): e113825: for n
// useful observations, the upper limit for the longest run and the lower
// limit for the number of crossings.
var anhojTable = map[int][2]int{
	10: {6, 2}, 11: {6, 2}, 12: {7, 3}, 13: {7, 3}, 14: {7, 4}, 15: {7, 4},
	16: {7, 4}, 17: {7, 5}, 18: {7, 5}, 19: {7, 6}, 20: {7, 6}, 21: {7, 6},
	22: {7, 7}, 23: {8, 7}, 24: {8, 8}, 25: {8, 8}, 26: {8, 8}, 27: {8, 9},
	28: {8, 9}, 29: {8, 10}, 30: {8, 10},
}

// anhojLimits returns the longest run allowed for n useful points,
// round(log2(n)) + 3, and the fewest crossings expected, the 5th percentile
// of binomial(n − 1, 0.5): the smallest k with P(X ≤ k) ≥ 0.05, computed
// with exact integers (20·Σ C(n−1, i) ≥ 2^(n−1)).
func anhojLimits(n int) (longestMax, crossingsMin int) {
	longestMax = int(math.Round(math.Log2(float64(n)))) + 3
	m := n - 1
	total := new(big.Int).Lsh(big.NewInt(1), uint(m))
	cum, c := new(big.Int), big.NewInt(1)
	for k := 0; k <= m; k++ {
		if k > 0 {
			c.Mul(c, big.NewInt(int64(m-k+1)))
			c.Quo(c, big.NewInt(int64(k)))
		}
		cum.Add(cum, c)
		if new(big.Int).Mul(cum, big.NewInt(20)).Cmp(total) >= 0 {
			return longestMax, k
		}
	}
	return longestMax, m
}

func TestAnhojLimits(t *testing.T) {
	for n, want := range anhojTable {
		l, c := anhojLimits(n)
		if l != want[0] || c != want[1] {
			t.Errorf("n = %d: longest run %d, crossings %d; Anhøj & Olesen 2014: %d, %d", n, l, c, want[0], want[1])
		}
	}
	if l, c := anhojLimits(1); l != 3 || c != 0 {
		t.Errorf("n = 1: %d, %d", l, c)
	}
}

// spcPoint is one month of a p-chart as kpi_spc holds it.
type spcPoint struct {
	KPI, Breakdown, Group                       string
	Month                                       time.Time
	Quarter                                     string
	Value, Centre, LCL, UCL                     *float64
	Num, Den                                    int64
	Preliminary, Outside, RunSignal, InLongRun  bool
	NUseful                                     int
	Longest, LongestMax, Crossings, CrossingMin *int
}

// pChart is the plain-Go chart of one series (points in month order).
type pChart struct {
	centre                      *float64
	lcl, ucl                    []*float64
	outside, inLongRun          []bool
	nUseful, longest, crossings int
	longestMax, crossingsMin    int
	signal                      bool
}

// chart computes a p-chart from kpis.md: centre p = Σ numerators / Σ
// denominators of the final months; limits p ± 3·sqrt(p(1−p)/nᵢ) clipped to
// 0…1; Anhøj's rules over the final months with a value, points on the
// centre line skipped. Preliminary months get limits but no signal.
func chart(nums, dens []int64, prelim []bool) pChart {
	var sn, sd int64
	for i := range nums {
		if !prelim[i] {
			sn += nums[i]
			sd += dens[i]
		}
	}
	c := pChart{lcl: make([]*float64, len(nums)), ucl: make([]*float64, len(nums)),
		outside: make([]bool, len(nums)), inLongRun: make([]bool, len(nums))}
	if sd == 0 {
		return c
	}
	p := float64(sn) / float64(sd)
	c.centre = &p
	var sides []int
	var at []int
	for i := range nums {
		if dens[i] == 0 {
			continue
		}
		s := 3 * math.Sqrt(p*(1-p)/float64(dens[i]))
		lo, hi := math.Max(p-s, 0), math.Min(p+s, 1)
		c.lcl[i], c.ucl[i] = &lo, &hi
		v := float64(nums[i]) / float64(dens[i])
		if prelim[i] {
			continue
		}
		c.outside[i] = v < lo || v > hi
		// The side exactly: nums/dens against sn/sd.
		switch d := nums[i]*sd - sn*dens[i]; {
		case d > 0:
			sides, at = append(sides, 1), append(at, i)
		case d < 0:
			sides, at = append(sides, -1), append(at, i)
		}
	}
	c.nUseful = len(sides)
	if c.nUseful == 0 {
		return c
	}
	c.longestMax, c.crossingsMin = anhojLimits(c.nUseful)
	var runs [][]int // indexes of the points of each run
	for j, s := range sides {
		if j == 0 || s != sides[j-1] {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], at[j])
	}
	for _, r := range runs {
		c.longest = max(c.longest, len(r))
	}
	c.crossings = len(runs) - 1
	c.signal = c.longest > c.longestMax || c.crossings < c.crossingsMin
	for _, r := range runs {
		if len(r) > c.longestMax {
			for _, i := range r {
				c.inLongRun[i] = true
			}
		}
	}
	return c
}

func TestChartRules(t *testing.T) {
	// 12 points, centre 0.5: a run of 8 above (> 7) signals; alternating
	// points do not.
	prelim := make([]bool, 12)
	dens := slices.Repeat([]int64{10}, 12)
	shift := []int64{3, 4, 3, 4, 6, 7, 6, 7, 6, 7, 6, 7} // Σ = 66 of 120: p = 0.55
	c := chart(shift, dens, prelim)
	if !c.signal || c.longest != 8 || c.longestMax != 7 || !c.inLongRun[4] || c.inLongRun[3] {
		t.Errorf("shift: %+v", c)
	}
	alt := []int64{4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 6}
	if c := chart(alt, dens, prelim); c.signal || c.crossings != 11 || c.longest != 1 {
		t.Errorf("alternating: %+v", c)
	}
	// Points on the centre line neither break nor extend a run.
	onLine := []int64{6, 6, 5, 6, 6, 5, 6, 6, 4, 4, 3, 3} // p = 0.5
	if c := chart(onLine, dens, prelim); c.nUseful != 10 || c.longest != 6 || c.crossings != 1 {
		t.Errorf("on the line: %+v", c)
	}
}

// funnelLimits are the funnel plot's limits of kpis.md for centre p and
// denominator n, clipped to 0…1.
func funnelLimits(p, n float64) (l95, u95, l998, u998 float64) {
	se := math.Sqrt(p * (1 - p) / n)
	return math.Max(p-1.959964*se, 0), math.Min(p+1.959964*se, 1),
		math.Max(p-3.090232*se, 0), math.Min(p+3.090232*se, 1)
}

// comparisonSample generates a flaw-free extract of two counties, makes the
// summoned participants of meetings held in the first year of the trend
// window absent one time in three (a shift in summoned_attendance_share
// that Anhøj's rules must see), loads it and returns the extract's folder
// and the opened database.
func comparisonSample(t *testing.T, settings transform.Settings) (string, *warehouse.DB) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "extract")
	asOf := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	if _, err := sampledata.Generate(t.Context(), dir, sampledata.Options{
		SIPs: 3000, Seed: 13, AsOf: asOf, Counties: []string{"01", "03"}, FlawRate: 0,
	}); err != nil {
		t.Fatal(err)
	}
	windowStart := transform.QuarterOf(asOf).Shift(-7).Start
	shiftEnd := windowStart.AddDate(1, 0, 0)
	held := map[string]string{}
	rewriteCSV(t, filepath.Join(dir, "meetings.csv"), func(h map[string]int, r []string) {
		held[r[h["meeting_id"]]] = r[h["held_date"]]
	})
	rewriteCSV(t, filepath.Join(dir, "participants.csv"), func(h map[string]int, r []string) {
		d, err := time.Parse(time.DateOnly, held[r[h["meeting_id"]]])
		if err != nil || d.Before(windowStart) || !d.Before(shiftEnd) || r[h["role"]] != "summoned" || r[h["attendance"]] == "" {
			return
		}
		f := fnv.New32a()
		f.Write([]byte(r[h["participant_id"]]))
		if f.Sum32()%3 == 0 {
			r[h["attendance"]] = "absent"
		}
	})
	path := filepath.Join(t.TempDir(), "sipstat.duckdb")
	if err := pipelinetest.Load(t.Context(), path, dir, settings); err != nil {
		t.Fatal(err)
	}
	db, err := warehouse.Open(t.Context(), path, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return dir, db
}

// rewriteCSV calls edit on every data row of a CSV file (with the header's
// column positions) and writes the rows back.
func rewriteCSV(t *testing.T, path string, edit func(h map[string]int, r []string)) {
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
	h := map[string]int{}
	for i, c := range rows[0] {
		h[c] = i
	}
	for _, r := range rows[1:] {
		edit(h, r)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestFunnelAgainstGo(t *testing.T) {
	settings := transform.DefaultSettings()
	_, db := comparisonSample(t, settings)
	ctx := t.Context()

	// What the reports publish: kpi_values through transform.Suppress.
	values, err := transform.Values(ctx, db, transform.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	exact := slices.Clone(values)
	transform.Suppress(values, settings.SmallNumberThreshold)
	shares := map[string]bool{}
	for _, k := range transform.Catalog() {
		if k.Unit == transform.UnitShare && slices.Contains(k.Breakdowns, "municipality") {
			shares[k.ID] = true
		}
	}
	rows, err := db.QueryContext(ctx, `select kpi_id from kpi_catalog where unit = 'share' and list_contains(breakdowns, 'municipality')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		shares[id] = true // the survey questions' shares of the data
	}
	rows.Close()
	type key struct{ period, kpi, group string }
	region := map[key]*float64{}
	for _, v := range values {
		if v.Breakdown == "region" && shares[v.KPIID] {
			region[key{v.Period, v.KPIID, v.Group}] = v.Value
		}
	}
	type want struct {
		value, num, den, centre, l95, u95, l998, u998 float64
		signal, preliminary                           bool
	}
	expected := map[key]want{}
	var primary, complement, regionHidden int
	for i, v := range values {
		if v.Breakdown != "municipality" || !shares[v.KPIID] || v.Group == "unknown" {
			continue
		}
		if v.Suppressed {
			if v.N < int64(settings.SmallNumberThreshold) {
				primary++
			} else if exact[i].Value != nil {
				complement++
			}
			continue
		}
		if v.Value == nil || v.Denominator == nil || *v.Denominator == 0 {
			continue
		}
		// The centre is the region's published value (the data contract:
		// a municipality code starts with its county code).
		p := region[key{v.Period, v.KPIID, v.Group[:2]}]
		if p == nil {
			regionHidden++
			continue
		}
		if v.ReferenceValue == nil || *v.ReferenceValue != *p {
			t.Errorf("%s %s %s: reference_value %s, region value %v", v.Period, v.KPIID, v.Group, fmtOpt(v.ReferenceValue), *p)
		}
		l95, u95, l998, u998 := funnelLimits(*p, *v.Denominator)
		expected[key{v.Period, v.KPIID, v.Group}] = want{*v.Value, *v.Numerator, *v.Denominator, *p,
			l95, u95, l998, u998, *v.Value < l998 || *v.Value > u998, v.Preliminary}
	}

	rows, err = db.QueryContext(ctx, `select period, kpi_id, region_code, municipality_code, value, numerator,
		denominator, centre, lower_95, upper_95, lower_998, upper_998, signal, preliminary from kpi_funnel`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := map[key]bool{}
	var signals, inside int
	for rows.Next() {
		var k key
		var regionCode string
		var g want
		if err := rows.Scan(&k.period, &k.kpi, &regionCode, &k.group, &g.value, &g.num, &g.den, &g.centre,
			&g.l95, &g.u95, &g.l998, &g.u998, &g.signal, &g.preliminary); err != nil {
			t.Fatal(err)
		}
		if seen[k] {
			t.Errorf("kpi_funnel has two rows for %v", k)
		}
		seen[k] = true
		w, ok := expected[k]
		if !ok {
			t.Errorf("kpi_funnel has %v, which is not published (suppressed, no value or not a share)", k)
			continue
		}
		if regionCode != k.group[:2] {
			t.Errorf("%v: region_code %s", k, regionCode)
		}
		for _, f := range [][3]any{{"value", g.value, w.value}, {"numerator", g.num, w.num}, {"denominator", g.den, w.den},
			{"centre", g.centre, w.centre}, {"lower_95", g.l95, w.l95}, {"upper_95", g.u95, w.u95},
			{"lower_998", g.l998, w.l998}, {"upper_998", g.u998, w.u998}} {
			if d := f[1].(float64) - f[2].(float64); math.Abs(d) > 1e-12 {
				t.Errorf("%v: %s = %v, want %v", k, f[0], f[1], f[2])
			}
		}
		if g.preliminary != w.preliminary {
			t.Errorf("%v: preliminary = %v, kpi_values %v", k, g.preliminary, w.preliminary)
		}
		if g.signal != w.signal {
			t.Errorf("%v: signal = %v, want %v (value %v, 99.8 %% limits %v…%v)", k, g.signal, w.signal, w.value, w.l998, w.u998)
		}
		if w.signal {
			signals++
		} else {
			inside++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for k := range expected {
		if !seen[k] {
			t.Errorf("kpi_funnel lacks the published municipality value %v", k)
		}
	}
	t.Logf("%d funnel rows: %d outside 99.8 %%, %d inside; %d municipality cells suppressed by the threshold, %d by the complement, %d shown under a hidden region",
		len(seen), signals, inside, primary, complement, regionHidden)
	if signals == 0 || inside == 0 || primary == 0 || complement == 0 {
		t.Errorf("the sample must hold municipalities outside and inside 99.8 %% and both kinds of suppression: %d, %d, %d, %d",
			signals, inside, primary, complement)
	}
}

// spcWindowDays is the observation window of the four SPC KPIs (kpis.md
// "Preliminary values"), or the settings' override.
func spcWindowDays(kpi string, s transform.Settings) int {
	if w, ok := s.ObservationWindowDays[kpi]; ok {
		return w
	}
	switch kpi {
	case "coverage", "within_target_share":
		return 90
	case "followup_on_time_share":
		return s.FollowUpToleranceDays
	}
	return 0
}

var spcKPIs = []string{"coverage", "within_target_share", "summoned_attendance_share", "followup_on_time_share"}

func readSPC(t *testing.T, db *warehouse.DB) []spcPoint {
	return readSPCTable(t, db, "kpi_spc")
}

func readSPCTable(t *testing.T, db warehouse.Querier, table string) []spcPoint {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `select kpi_id, breakdown, group_value, month, quarter, value,
		numerator, denominator, centre, lcl, ucl, preliminary, outside_limits, run_signal, in_long_run,
		n_useful, longest_run, longest_run_max, crossings, crossings_min
		from `+table+` order by kpi_id, breakdown, group_value, month`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []spcPoint
	for rows.Next() {
		var p spcPoint
		var num, den float64
		if err := rows.Scan(&p.KPI, &p.Breakdown, &p.Group, &p.Month, &p.Quarter, &p.Value, &num, &den,
			&p.Centre, &p.LCL, &p.UCL, &p.Preliminary, &p.Outside, &p.RunSignal, &p.InLongRun,
			&p.NUseful, &p.Longest, &p.LongestMax, &p.Crossings, &p.CrossingMin); err != nil {
			t.Fatal(err)
		}
		p.Month = p.Month.UTC()
		p.Num, p.Den = int64(num), int64(den)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 1e-12
}

func fmtOpt(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func intOr(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// checkSeries compares the points of one series (month order) with the
// plain-Go chart of their numerators and denominators; prelim says which
// months are preliminary.
func checkSeries(t *testing.T, name string, pts []spcPoint, prelim []bool) pChart {
	t.Helper()
	nums, dens := make([]int64, len(pts)), make([]int64, len(pts))
	for i, p := range pts {
		nums[i], dens[i] = p.Num, p.Den
	}
	c := chart(nums, dens, prelim)
	for i, p := range pts {
		at := name + " " + p.Month.Format("2006-01")
		if p.Preliminary != prelim[i] {
			t.Errorf("%s: preliminary = %v, want %v", at, p.Preliminary, prelim[i])
		}
		var v *float64
		if dens[i] > 0 {
			x := float64(nums[i]) / float64(dens[i])
			v = &x
		}
		if !sameFloat(p.Value, v) || !sameFloat(p.Centre, c.centre) || !sameFloat(p.LCL, c.lcl[i]) || !sameFloat(p.UCL, c.ucl[i]) {
			t.Errorf("%s: value %s centre %s limits %s…%s, want %s, %s, %s…%s", at, fmtOpt(p.Value), fmtOpt(p.Centre),
				fmtOpt(p.LCL), fmtOpt(p.UCL), fmtOpt(v), fmtOpt(c.centre), fmtOpt(c.lcl[i]), fmtOpt(c.ucl[i]))
		}
		if p.Outside != c.outside[i] || p.InLongRun != c.inLongRun[i] {
			t.Errorf("%s: outside_limits %v in_long_run %v, want %v, %v", at, p.Outside, p.InLongRun, c.outside[i], c.inLongRun[i])
		}
		if p.RunSignal != c.signal || p.NUseful != c.nUseful {
			t.Errorf("%s: run_signal %v over %d useful points, want %v over %d", at, p.RunSignal, p.NUseful, c.signal, c.nUseful)
		}
		if c.nUseful > 0 && (intOr(p.Longest) != c.longest || intOr(p.LongestMax) != c.longestMax ||
			intOr(p.Crossings) != c.crossings || intOr(p.CrossingMin) != c.crossingsMin) {
			t.Errorf("%s: longest run %d (max %d), crossings %d (min %d); want %d (%d), %d (%d)", at,
				intOr(p.Longest), intOr(p.LongestMax), intOr(p.Crossings), intOr(p.CrossingMin),
				c.longest, c.longestMax, c.crossings, c.crossingsMin)
		}
	}
	return c
}

func TestSPCAgainstGo(t *testing.T) {
	other := transform.DefaultSettings()
	other.FollowUpToleranceDays = 7
	other.ObservationWindowDays = map[string]int{"coverage": 120, "summoned_attendance_share": 45}
	t.Run("default settings", func(t *testing.T) { checkSPC(t, transform.DefaultSettings()) })
	t.Run("other windows and tolerance", func(t *testing.T) { checkSPC(t, other) })
}

func checkSPC(t *testing.T, settings transform.Settings) {
	dir, db := comparisonSample(t, settings)
	ctx := t.Context()
	x, err := readOracleExtract(dir)
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Unix(int64(x.AsOf)*86400, 0).UTC()
	points := readSPC(t, db)

	// The months: the 8 quarters up to the quarter of A, to A's month.
	var months []time.Time
	for m := transform.QuarterOf(asOf).Shift(-7).Start; !m.After(asOf); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	series := map[string][]spcPoint{}
	var order []string
	for _, p := range points {
		k := p.KPI + "/" + p.Breakdown + "/" + p.Group
		if series[k] == nil {
			order = append(order, k)
		}
		series[k] = append(series[k], p)
	}
	want := []string{}
	for _, id := range spcKPIs {
		want = append(want, id+"/total/", id+"/region/01", id+"/region/03")
	}
	slices.Sort(want)
	got := slices.Clone(order)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("kpi_spc series %v, want %v", got, want)
	}

	// The whole extract's monthly numerators and denominators are the
	// oracle's quarterly definitions applied to each month.
	oset := oracleSettingsOf(settings)
	for i, m := range months {
		p, err := transform.DateRange(m, m.AddDate(0, 1, -1))
		if err != nil {
			t.Fatal(err)
		}
		res := x.compute(p, oset)
		for _, id := range spcKPIs {
			pts := series[id+"/total/"]
			if len(pts) != len(months) || !pts[i].Month.Equal(m) {
				t.Fatalf("%s: months %d, want %d from %s", id, len(pts), len(months), months[0].Format(time.DateOnly))
			}
			w := res.Total[id]
			var wn, wd int64
			if w.Denominator != nil {
				wn, wd = int64(*w.Numerator), int64(*w.Denominator)
			}
			if pts[i].Num != wn || pts[i].Den != wd {
				t.Errorf("%s %s: %d/%d, oracle %d/%d", id, m.Format("2006-01"), pts[i].Num, pts[i].Den, wn, wd)
			}
			if q := transform.QuarterOf(m).Label; pts[i].Quarter != q {
				t.Errorf("%s %s: quarter %s, want %s", id, m.Format("2006-01"), pts[i].Quarter, q)
			}
		}
	}

	// Each region's months sum to its quarterly kpi_values, as the whole
	// extract's do.
	values, err := transform.Values(ctx, db, transform.Filter{KPIIDs: spcKPIs, Breakdowns: []string{"total", "region"}})
	if err != nil {
		t.Fatal(err)
	}
	type qk struct{ kpi, breakdown, group, quarter string }
	sums := map[qk][2]int64{}
	for _, p := range points {
		k := qk{p.KPI, p.Breakdown, p.Group, p.Quarter}
		s := sums[k]
		sums[k] = [2]int64{s[0] + p.Num, s[1] + p.Den}
	}
	published := map[qk][2]int64{}
	for _, v := range values {
		if v.Denominator != nil {
			published[qk{v.KPIID, v.Breakdown, v.Group, v.Period}] = [2]int64{int64(*v.Numerator), int64(*v.Denominator)}
		}
	}
	for k, s := range sums {
		// A quarter without units has no region row in kpi_values: 0/0.
		if w := published[k]; s != w {
			t.Errorf("%v: months sum to %d/%d, kpi_values %d/%d", k, s[0], s[1], w[0], w[1])
		}
	}
	if len(sums) != len(spcKPIs)*3*8 {
		t.Errorf("%d quarters of kpi_spc series, want 8 for each of %d series", len(sums), len(spcKPIs)*3)
	}

	// Centre, limits, flags and run rules of every series.
	var signal, noSignal, outside int
	for _, k := range order {
		prelim := make([]bool, len(series[k]))
		for i, p := range series[k] {
			monthEnd := p.Month.AddDate(0, 1, -1)
			prelim[i] = monthEnd.AddDate(0, 0, spcWindowDays(p.KPI, settings)).After(asOf)
		}
		c := checkSeries(t, k, series[k], prelim)
		if c.signal {
			signal++
		} else {
			noSignal++
		}
		for _, o := range c.outside {
			if o {
				outside++
			}
		}
	}
	t.Logf("%d series: %d with a run signal, %d without; %d points outside the limits", len(order), signal, noSignal, outside)
	if !series["summoned_attendance_share/total/"][0].RunSignal {
		t.Errorf("the shift in summoned attendance gives no run signal")
	}
	if noSignal == 0 || outside == 0 {
		t.Errorf("the sample must hold a series without a run signal and a point outside the limits")
	}
}

// TestSPCRulesOnConstructedSeries runs kpi_spc.sql on constructed monthly
// points and checks it against the plain-Go chart: a shift (a long run and
// too few crossings), a run exactly at the limit (no signal), too few
// crossings with no long run, points on the centre line inside a run,
// random-like variation (no signal), a month without units, preliminary
// months with extreme values, a point outside the limits, and long series
// for the crossing limits.
func TestSPCRulesOnConstructedSeries(t *testing.T) {
	ctx := t.Context()
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "spc.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type series struct {
		name       string
		nums, dens []int64
		prelim     []bool
		signal     bool // what the series is built to show
	}
	ten := func(nums ...int64) series {
		return series{nums: nums, dens: slices.Repeat([]int64{10}, len(nums)), prelim: make([]bool, len(nums))}
	}
	var all []series
	add := func(name string, s series, signal bool) {
		s.name, s.signal = name, signal
		all = append(all, s)
	}
	add("shift", ten(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7), true)
	// 7 above, then alternating: longest run 7 = the limit for 20 points.
	add("run at the limit", ten(7, 7, 7, 7, 7, 7, 7, 2, 6, 2, 6, 2, 6, 2, 6, 2, 6, 2, 6, 3), false)
	// Runs of 7, 6 and 7: no run too long, but 2 crossings < 6.
	add("few crossings", ten(6, 6, 6, 6, 6, 6, 6, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6), true)
	// Centre 0.5: 6 above, 2 on the line, 2 above is one run of 8 > 7.
	add("on the centre line", ten(7, 7, 7, 7, 7, 7, 5, 5, 7, 7, 2, 6, 2, 6, 2, 6, 2, 6, 1, 1), true)
	// 6 crossings = the limit for 20 points, runs of 3: no signal.
	add("crossings at the limit", ten(6, 6, 6, 4, 4, 4, 6, 6, 6, 4, 4, 4, 6, 6, 6, 4, 4, 4, 6, 6), false)
	add("random", ten(6, 4, 6, 6, 4, 4, 6, 4, 6, 6, 6, 4, 4, 6, 4, 6, 4, 4, 6, 6), false)
	gap := ten(6, 4, 6, 6, 4, 4, 6, 4, 6, 6, 0, 6, 4, 4, 6, 4, 6, 4, 4, 6, 6, 0, 10, 0)
	gap.dens[10], gap.dens[23] = 0, 0
	gap.prelim[21], gap.prelim[22], gap.prelim[23] = true, true, true
	add("no units, preliminary", gap, false)
	out := ten(45, 55, 45, 55, 45, 95, 45, 55, 45, 55, 45, 55)
	out.dens = slices.Repeat([]int64{100}, 12)
	add("outside", out, false)
	// Pseudo-random series of 24 and 40 months with denominators 0…60.
	seed := uint64(13)
	next := func(n uint64) int64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int64((seed >> 33) % n)
	}
	for _, n := range []int{24, 40, 60} {
		s := series{prelim: make([]bool, n)}
		for range n {
			d := next(61)
			s.dens = append(s.dens, d)
			s.nums = append(s.nums, next(uint64(d)+1))
		}
		s.prelim[n-1] = true
		add(fmt.Sprintf("random %d", n), s, false)
	}

	if _, err := db.ExecContext(ctx, `create table spc_points (kpi_id varchar, breakdown varchar, group_value varchar,
		month date, numerator bigint, denominator bigint, preliminary boolean)`); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, s := range all {
		for i := range s.nums {
			if _, err := db.ExecContext(ctx, `insert into spc_points values (?, 'total', '', ?, ?, ?, ?)`,
				s.name, start.AddDate(0, i, 0), s.nums[i], s.dens[i], s.prelim[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.ExecContext(ctx, "create table spc as "+transform.CompareSQL("kpi_spc")); err != nil {
		t.Fatal(err)
	}
	got := map[string][]spcPoint{}
	for _, p := range readSPCTable(t, db, "spc") {
		got[p.KPI] = append(got[p.KPI], p)
	}
	var outside int
	for _, s := range all {
		pts := got[s.name]
		if len(pts) != len(s.nums) {
			t.Fatalf("%s: %d points, want %d", s.name, len(pts), len(s.nums))
		}
		c := checkSeries(t, s.name, pts, s.prelim)
		if !strings.HasPrefix(s.name, "random ") && c.signal != s.signal {
			t.Errorf("%s: the Go chart says run signal %v (longest %d of max %d, crossings %d of min %d), built for %v",
				s.name, c.signal, c.longest, c.longestMax, c.crossings, c.crossingsMin, s.signal)
		}
		for i, o := range c.outside {
			if o {
				outside++
			}
			if s.prelim[i] && pts[i].Outside {
				t.Errorf("%s: preliminary month %d is outside the limits", s.name, i)
			}
		}
	}
	if outside == 0 {
		t.Error("no constructed point is outside the limits")
	}
}

// TestFunnelLimits checks funnelLimits by hand: p = 0.9, n = 25 gives
// se = sqrt(0.9 · 0.1 / 25) = 0.06.
func TestFunnelLimits(t *testing.T) {
	l95, u95, l998, u998 := funnelLimits(0.9, 25)
	for _, c := range [][2]float64{{l95, 0.9 - 1.959964*0.06}, {u95, 1}, {l998, 0.9 - 3.090232*0.06}, {u998, 1}} {
		if math.Abs(c[0]-c[1]) > 1e-12 {
			t.Errorf("limits %v %v %v %v", l95, u95, l998, u998)
		}
	}
	if math.Abs(l998-0.71458608) > 1e-8 || math.Abs(l95-0.78240216) > 1e-8 {
		t.Errorf("lower limits %v, %v; by hand 0.71458608, 0.78240216", l998, l95)
	}
	if l95, _, l998, u998 := funnelLimits(0.1, 4); l95 != 0 || l998 != 0 || math.Abs(u998-(0.1+3.090232*0.15)) > 1e-12 {
		t.Errorf("clipped at 0: %v %v %v", l95, l998, u998)
	}
}

// TestSPCMunicipalityScope: ScopeTables shadows kpi_spc with the
// municipality's own monthly charts (a municipality report never shows the
// region's), whose months sum to the scope's quarterly kpi_values; after
// release the built kpi_spc is back.
func TestSPCMunicipalityScope(t *testing.T) {
	settings := transform.DefaultSettings()
	_, db := comparisonSample(t, settings)
	ctx := t.Context()
	built := readSPC(t, db)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	release, err := transform.ScopeTables(ctx, conn, "0180", transform.Params{})
	if err != nil {
		t.Fatal(err)
	}
	scoped := readSPCTable(t, conn, "kpi_spc")
	type qk struct{ kpi, quarter string }
	sums := map[qk][2]int64{}
	series := map[string][]spcPoint{}
	for _, p := range scoped {
		if p.Breakdown != "total" {
			t.Fatalf("scoped kpi_spc has a %s series", p.Breakdown)
		}
		k := qk{p.KPI, p.Quarter}
		sums[k] = [2]int64{sums[k][0] + p.Num, sums[k][1] + p.Den}
		series[p.KPI] = append(series[p.KPI], p)
	}
	rows, err := conn.QueryContext(ctx, `select kpi_id, period, numerator, denominator from kpi_values
		where breakdown = 'total' and kpi_id in ('coverage', 'within_target_share', 'summoned_attendance_share', 'followup_on_time_share')`)
	if err != nil {
		t.Fatal(err)
	}
	quarterly := map[qk][2]int64{}
	for rows.Next() {
		var k qk
		var num, den *float64
		if err := rows.Scan(&k.kpi, &k.quarter, &num, &den); err != nil {
			t.Fatal(err)
		}
		if den != nil {
			quarterly[k] = [2]int64{int64(*num), int64(*den)}
		}
	}
	rows.Close()
	for k, s := range sums {
		if quarterly[k] != s {
			t.Errorf("Stockholm %v: months sum to %v, the scope's kpi_values %v", k, s, quarterly[k])
		}
	}
	var asOf time.Time
	if err := conn.QueryRowContext(ctx, `select max(extracted_at) from load_sources`).Scan(&asOf); err != nil {
		t.Fatal(err)
	}
	var differs bool
	for id, pts := range series {
		prelim := make([]bool, len(pts))
		for i, p := range pts {
			prelim[i] = p.Month.AddDate(0, 1, -1).AddDate(0, 0, spcWindowDays(id, settings)).After(asOf.UTC())
		}
		checkSeries(t, "0180 "+id, pts, prelim)
		for _, b := range built {
			if b.KPI == id && b.Breakdown == "total" && b.Month.Equal(pts[0].Month) && b.Den != pts[0].Den {
				differs = true
			}
		}
	}
	if len(series) != len(spcKPIs) || !differs {
		t.Errorf("scoped kpi_spc: %d series, different from the built one: %v", len(series), differs)
	}
	release()
	if after := readSPCTable(t, conn, "kpi_spc"); len(after) != len(built) {
		t.Errorf("after release kpi_spc has %d rows, the built one %d", len(after), len(built))
	}
}
