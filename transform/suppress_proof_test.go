package transform

import (
	"context"
	"testing"

	"github.com/sipstat/sipstat/sampledata"
)

// TestSuppressionCannotBeUndone loads a generated sample (4 000 SIPs, one
// county, with data-quality flaws), builds it, and proves two things for
// every period, KPI and breakdown:
//
//   - the groups partition the total: the counts (or, for other units, the
//     units n) of the groups add up to the total's, so complementary
//     suppression is about the right sum;
//   - after Suppress, no hidden cell can be recovered by subtracting the
//     shown cells from a shown total: where the total is shown, the number
//     of hidden cells with units is never exactly one.
func TestSuppressionCannotBeUndone(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and loads a sample")
	}
	ctx := context.Background()
	db := sampleDB(t, sampledata.Options{SIPs: 4000, FlawRate: 0.02}, DefaultSettings())
	vs, err := Values(ctx, db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]Unit{}
	for _, k := range Catalog() {
		units[k.ID] = k.Unit
	}
	type key struct{ period, kpi, breakdown string }
	total := map[key]float64{}
	sums := map[key]float64{}
	measure := func(v Value) float64 {
		if units[v.KPIID] == UnitCount && v.Value != nil {
			return *v.Value
		}
		return float64(v.N)
	}
	for _, v := range vs {
		if v.NoData {
			continue
		}
		if v.Breakdown == "total" {
			total[key{v.Period, v.KPIID, ""}] = measure(v)
		} else {
			sums[key{v.Period, v.KPIID, v.Breakdown}] += measure(v)
		}
	}
	checked := 0
	for k, s := range sums {
		if units[k.kpi] == UnitRate {
			// A rate's groups are the municipalities with a population.
			continue
		}
		if tot := total[key{k.period, k.kpi, ""}]; s != tot {
			t.Errorf("%s %s by %s: groups add up to %v, total %v", k.period, k.kpi, k.breakdown, s, tot)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("only %d breakdowns checked", checked)
	}

	Suppress(vs, DefaultSettings().SmallNumberThreshold)
	totalShown := map[key]bool{}
	hidden := map[key]int{}
	suppressed := 0
	for _, v := range vs {
		if v.Suppressed {
			suppressed++
		}
		if v.Breakdown == "total" {
			totalShown[key{v.Period, v.KPIID, ""}] = !v.Suppressed && !v.NoData
			continue
		}
		if v.Suppressed && v.N > 0 {
			hidden[key{v.Period, v.KPIID, v.Breakdown}]++
		}
	}
	if suppressed == 0 {
		t.Fatal("nothing suppressed: the proof proves nothing")
	}
	for k, h := range hidden {
		if h == 1 && totalShown[key{k.period, k.kpi, ""}] {
			t.Errorf("%s %s by %s: one hidden cell under a shown total can be recovered by subtraction", k.period, k.kpi, k.breakdown)
		}
	}
	t.Logf("%d values, %d suppressed, %d breakdowns with hidden cells", len(vs), suppressed, len(hidden))
}
