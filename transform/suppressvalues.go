package transform

import "github.com/sipstat/sipstat/transform/suppress"

// Suppress applies the small-number rule to values in place: within each
// period and KPI, each breakdown's groups with the KPI's total (nil when the
// values hold none) go through suppress.Apply, the one rule; `kpi
// --suppress` and the reports call Suppress, and `query --suppress` applies
// suppress.Apply to a query's columns itself (queries/suppress.go). A
// suppressed value (never a no-data one) is marked Suppressed and keeps its
// N (for sorting and tests), but Value, Numerator and Denominator are
// cleared, so no output can print them, and its Status and Trend are none
// (kpis.md: a status is never shown for a suppressed value).
func Suppress(values []Value, threshold int) {
	type key struct{ period, kpi string }
	cells := make([]suppress.Cell, len(values))
	totals := map[key]*suppress.Cell{}
	groups := map[key]map[string][]*suppress.Cell{}
	for i := range values {
		v := &values[i]
		cells[i] = suppress.Cell{N: v.N}
		k := key{v.Period, v.KPIID}
		if v.Breakdown == "total" {
			totals[k] = &cells[i]
			continue
		}
		if groups[k] == nil {
			groups[k] = map[string][]*suppress.Cell{}
		}
		groups[k][v.Breakdown] = append(groups[k][v.Breakdown], &cells[i])
	}
	for k, total := range totals {
		if len(groups[k]) == 0 {
			suppress.Apply(total, nil, threshold)
		}
	}
	// Each breakdown with its total (nil when the values hold none, so
	// nothing can be recovered by subtraction); Apply judges the total the
	// same way every time.
	for k, byBreakdown := range groups {
		for _, cs := range byBreakdown {
			suppress.Apply(totals[k], cs, threshold)
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
