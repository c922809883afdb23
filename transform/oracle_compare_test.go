package transform_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// TestKPIsAgainstOracle generates sample extracts, loads each and builds the
// KPI models, and checks every KPI total of kpis.md for the latest complete
// quarter before A and the same quarter a year earlier against the plain-Go
// oracle of oracle_test.go: counts exactly, everything else within 1e-9.
// The first extract runs with the default settings; the second, another
// seed whose as-of date is a quarter's last day (so end of P = A), with
// other targets, so that a setting the SQL ignores cannot go unnoticed.
// Each is big enough that every KPI has units in the compared quarters and
// small enough to load and build in seconds.
func TestKPIsAgainstOracle(t *testing.T) {
	custom := transform.DefaultSettings()
	custom.MeetingTargetDays = 30
	custom.MeetingTargetDaysByContext = map[string]int{"discharge": 7}
	custom.MeetingTargetDaysChildren = 45
	custom.FollowUpToleranceDays = 7
	custom.ConsentValidityDays = 180
	custom.DischargeSummonsDays = 2

	for _, tc := range []struct {
		name     string
		sample   sampledata.Options
		settings transform.Settings
	}{
		{"default settings", sampledata.Options{SIPs: 3000, Seed: 20261005, FlawRate: 0}, transform.DefaultSettings()},
		{"other targets, as of a quarter end", sampledata.Options{SIPs: 3000, Seed: 7, FlawRate: 0,
			AsOf: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)}, custom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "extract")
			if _, err := sampledata.Generate(t.Context(), dir, tc.sample); err != nil {
				t.Fatal(err)
			}
			x, err := readOracleExtract(dir)
			if err != nil {
				t.Fatal(err)
			}
			// The oracle ignores events after A; clean data has none, so
			// that interpretation cannot hide a difference here.
			if x.AfterAsOf != 0 {
				t.Errorf("the flaw-free sample has %d events dated after the as-of date %s", x.AfterAsOf, x.AsOf)
			}
			asOf := time.Unix(int64(x.AsOf)*86400, 0).UTC()
			if want := tc.sample.AsOf; !want.IsZero() && !asOf.Equal(want) {
				t.Fatalf("manifest as-of %s, generated with %s", x.AsOf, want.Format(time.DateOnly))
			}
			latest := transform.LatestCompleteQuarter(asOf)
			compareWithOracle(t, x, dir, tc.settings, []transform.Period{latest, latest.YearAgo()}, true)
		})
	}
}

// TestKPIsAgainstOracleOnHandmadeExtract runs the SQL on the hand-made
// extract whose figures TestOracleHandmade proves: it holds the edge cases a
// generated sample may not (a given and a declined consent on the same day,
// death before the first meeting, a goal whose latest review is
// not_assessed, a follow-up due after the SIP closed, a cancelled initial
// meeting, absent_notified, a survey answer left empty).
func TestKPIsAgainstOracleOnHandmadeExtract(t *testing.T) {
	dir := filepath.Join("testdata", "oracle", "handmade")
	x, err := readOracleExtract(dir)
	if err != nil {
		t.Fatal(err)
	}
	q3 := []transform.Period{transform.Quarter(2026, 3)}
	t.Run("all tables", func(t *testing.T) {
		compareWithOracle(t, x, dir, transform.DefaultSettings(), q3, false)
	})

	// Without the optional tables, the KPIs that need them are "no data",
	// never 0 (data-contract.md), and the others are unchanged.
	t.Run("required tables only", func(t *testing.T) {
		only := t.TempDir()
		for _, name := range []string{"manifest.json"} {
			copyFile(t, filepath.Join(dir, name), filepath.Join(only, name))
		}
		for _, ct := range contract.Tables {
			if !ct.Optional {
				copyFile(t, filepath.Join(dir, ct.Name+".csv"), filepath.Join(only, ct.Name+".csv"))
			}
		}
		xo, err := readOracleExtract(only)
		if err != nil {
			t.Fatal(err)
		}
		if v := xo.compute(q3[0], oracleDefaults).Total["deviations"]; !v.NoData {
			t.Fatalf("oracle: deviations without deviations.csv = %+v, want no data", v)
		}
		compareWithOracle(t, xo, only, transform.DefaultSettings(), q3, false)
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// oracleSettingsOf maps the transform settings onto the oracle's.
func oracleSettingsOf(s transform.Settings) oracleSettings {
	return oracleSettings{
		TargetDays:            s.MeetingTargetDays,
		TargetDaysByContext:   s.MeetingTargetDaysByContext,
		TargetDaysChildren:    s.MeetingTargetDaysChildren,
		FollowUpToleranceDays: s.FollowUpToleranceDays,
		ConsentValidityDays:   s.ConsentValidityDays,
		DischargeSummonsDays:  s.DischargeSummonsDays,
	}
}

// compareWithOracle loads the extract in dir into a fresh database, builds
// the models with settings and compares every KPI of the periods with the
// oracle. With requireExercised, a KPI the data leaves at zero or empty in
// every period fails the test, because its comparison proved nothing.
func compareWithOracle(t *testing.T, x *oracleExtract, dir string, settings transform.Settings, periods []transform.Period, requireExercised bool) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sipstat.duckdb")
	if err := pipelinetest.Load(ctx, path, dir, settings); err != nil {
		t.Fatal(err)
	}
	db, err := warehouse.Open(ctx, path, warehouse.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	var labels []string
	for _, p := range periods {
		labels = append(labels, p.Label)
	}
	values, err := transform.Values(ctx, db, transform.Filter{Periods: labels, Breakdowns: []string{"total", "org_type", "mode"}})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ period, kpi, breakdown, group string }
	got := map[key]transform.Value{}
	for _, v := range values {
		k := key{v.Period, v.KPIID, v.Breakdown, v.Group}
		if _, dup := got[k]; dup {
			t.Errorf("kpi_values has two rows for %v", k)
		}
		got[k] = v
	}

	units := map[string]transform.Unit{}
	for _, k := range transform.Catalog() {
		units[k.ID] = k.Unit
	}
	fixed := append(slices.Clone(specKPIs), addedKPIs...)
	for _, id := range fixed {
		if _, ok := units[id]; !ok {
			t.Errorf("KPI %s of kpis.md is missing from the catalogue (transform.Catalog)", id)
		}
	}

	oset := oracleSettingsOf(settings)
	// exercised counts, per KPI, the quarters where the oracle has a non-zero
	// value: a KPI that is zero or empty in both cannot fail the comparison.
	exercised := map[string]int{}
	for _, p := range periods {
		want := x.compute(p, oset)
		ids := slices.Clone(fixed)
		for id := range want.Total {
			if strings.HasPrefix(id, "survey_") {
				ids = append(ids, id)
			}
		}
		sort.Strings(ids[len(fixed):])
		for _, id := range ids {
			t.Run(p.Label+"/"+id, func(t *testing.T) {
				for _, by := range []string{"org_type", "mode"} {
					groups := want.ByGroup[oracleGroupKey{id, by}]
					for g, w := range groups {
						v, ok := got[key{p.Label, id, by, g}]
						if !ok {
							t.Errorf("kpi_values has no %s row for %s = %s", id, by, g)
							continue
						}
						compareValue(t, fmt.Sprintf("%s=%s: ", by, g), units[id], w, v)
					}
				}
				if by, ok := breakdownOnlyKPIs[id]; ok {
					if len(want.ByGroup[oracleGroupKey{id, by}]) > 0 {
						exercised[id]++
					}
					return
				}
				w := want.Total[id]
				if id == "followups_overdue" && (dayOf(p.End) < x.AsOf || dayOf(p.Start) > x.AsOf) {
					// A count at A has one value, in the period containing A
					// (kpis.md "Preliminary values").
					if v, ok := got[key{p.Label, id, "total", ""}]; ok {
						t.Errorf("followups_overdue has a value in %s (%s); a count at A = %s has one, in the period containing A", p.Label, fmtPtr(v.Value), x.AsOf)
					}
					return
				}
				if w.Value != nil && *w.Value != 0 {
					exercised[id]++
				}
				v, ok := got[key{p.Label, id, "total", ""}]
				if !ok {
					t.Fatalf("kpi_values has no total row for %s in %s (oracle: %s)", id, p.Label, fmtPtr(w.Value))
				}
				unit := units[id]
				if unit == "" && strings.HasPrefix(id, "survey_") {
					unit = transform.UnitIndex
				}
				if id == "followups_overdue" && !closeEnough(w.Value, v.Value, 0) {
					// Say which evaluation day the SQL's figure fits, so the
					// report of the difference is precise.
					e := min(dayOf(p.End), x.AsOf)
					t.Errorf("followups_overdue: kpis.md defines it \"at A\" (SIPs open at A … next_follow_up_date + tolerance < A), "+
						"so every period should show the count at A = %s, %d; the SQL shows %s, and the count at min(end of %s, A) = %s is %d",
						x.AsOf, x.overdueAt(x.AsOf, oDay(oset.FollowUpToleranceDays)), fmtPtr(v.Value),
						p.Label, e, x.overdueAt(e, oDay(oset.FollowUpToleranceDays)))
					return
				}
				compareValue(t, "", unit, w, v)
			})
		}
	}
	// followups_overdue, a count at A, has its one value in the period
	// containing A (the second case of TestKPIsAgainstOracle has one).
	holdsA := false
	for _, p := range periods {
		holdsA = holdsA || (dayOf(p.Start) <= x.AsOf && x.AsOf <= dayOf(p.End))
	}
	for _, id := range fixed {
		if id == "followups_overdue" && !holdsA {
			continue
		}
		if requireExercised && exercised[id] == 0 {
			t.Errorf("%s is zero or empty in all of %v in the sample: the comparison cannot fail for it", id, labels)
		}
	}
}

// compareValue checks one SQL value against the oracle's: counts, n and
// numerators/denominators (a rate's are its parts) exactly, other values
// within 1e-9.
func compareValue(t *testing.T, prefix string, unit transform.Unit, w oracleValue, v transform.Value) {
	t.Helper()
	if v.Excluded != 0 {
		t.Errorf("%sexcluded = %d on flaw-free data, want 0", prefix, v.Excluded)
	}
	if w.NoData != v.NoData {
		t.Errorf("%sno_data = %v, oracle %v", prefix, v.NoData, w.NoData)
		return
	}
	tol := 1e-9
	if unit == transform.UnitCount {
		tol = 0
	}
	if !closeEnough(w.Value, v.Value, tol) {
		t.Errorf("%svalue = %s, oracle %s (n %d, oracle n %d; %s/%s, oracle %s/%s)", prefix,
			fmtPtr(v.Value), fmtPtr(w.Value), v.N, w.N,
			fmtPtr(v.Numerator), fmtPtr(v.Denominator), fmtPtr(w.Numerator), fmtPtr(w.Denominator))
	}
	if w.Denominator != nil {
		if !closeEnough(w.Numerator, v.Numerator, 0) || !closeEnough(w.Denominator, v.Denominator, 0) {
			t.Errorf("%snumerator/denominator = %s/%s, oracle %s/%s", prefix,
				fmtPtr(v.Numerator), fmtPtr(v.Denominator), fmtPtr(w.Numerator), fmtPtr(w.Denominator))
		}
	}
	if v.N != w.N {
		t.Errorf("%sn = %d, oracle %d", prefix, v.N, w.N)
	}
}

func closeEnough(a, b *float64, tol float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= tol
}
