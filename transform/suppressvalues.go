package transform

import "github.com/sipstat/sipstat/transform/suppress"

// Suppress applies the small-number rule to values in place: within each
// period and KPI, the total and every breakdown's groups go through
// suppress.Apply. A suppressed value keeps its N (for sorting and tests) but
// Value, Numerator and Denominator are cleared, so no output can print them,
// and its Status and Trend are none (kpis.md: a status is never shown for a
// suppressed value).
func Suppress(values []Value, threshold int) {
	type key struct{ period, kpi string }
	type cellRef struct {
		cell *suppress.Cell
		idx  int
	}
	totals := map[key]int{}
	groups := map[key]map[string][]cellRef{}
	cells := make([]suppress.Cell, len(values))
	for i := range values {
		v := &values[i]
		cells[i] = suppress.Cell{N: v.N}
		k := key{v.Period, v.KPIID}
		if v.Breakdown == "total" {
			totals[k] = i
			continue
		}
		if groups[k] == nil {
			groups[k] = map[string][]cellRef{}
		}
		groups[k][v.Breakdown] = append(groups[k][v.Breakdown], cellRef{&cells[i], i})
	}
	for k, i := range totals {
		suppress.Primary(&cells[i], threshold)
		if groups[k] == nil {
			groups[k] = map[string][]cellRef{}
		}
	}
	for k, byBreakdown := range groups {
		var total *suppress.Cell
		if i, ok := totals[k]; ok {
			total = &cells[i]
		}
		for _, refs := range byBreakdown {
			cs := make([]*suppress.Cell, len(refs))
			for j, r := range refs {
				cs[j] = r.cell
				suppress.Primary(r.cell, threshold)
			}
			suppress.Complement(cs, total != nil && !total.Hidden)
		}
	}
	for i := range values {
		if cells[i].Hidden && !values[i].NoData {
			values[i].Suppressed = true
			values[i].Value, values[i].Numerator, values[i].Denominator = nil, nil, nil
			values[i].Status, values[i].Trend = StatusNone, TrendNone
		}
	}
}
