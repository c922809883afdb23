package transform

import "github.com/sipstat/sipstat/warehouse"

// A family file's final CTE is one union-all branch per KPI, each written
// with one of these template functions: the row shape (period, kpi_id,
// breakdown, group_value, value, numerator, denominator, n, excluded) and
// its types are stated here once, and the family file names only the KPI,
// its measures and the aggregate (a CTE with period, breakdown and
// group_value) they are read from:
//
//	final as (
//	    {{ count "needs_detected" "needs" "0" "sip_agg" }}
//	    union all {{ share "coverage" "due_met" "due" "excluded" "sip_agg" }}
//	    union all {{ stat "lead_time_median_days" "lead_quantiles[3]" "lead_n" "excluded" "sip_agg" }}
//	    union all {{ rate "sips_per_10000" "active" "population" "10000.0" "active" "excluded" "rate" }}
//	)
//
// Each argument but the KPI id and the aggregate is a SQL expression over
// the aggregate's columns ("0" for no excluded units); each branch renders
// on one line.

// kpiRow is one KPI's rows, one per group of agg.
func kpiRow(id, value, numerator, denominator, n, excluded, agg string) string {
	return "select period, " + quoteLiteral(id) + " as kpi_id, breakdown, group_value, " +
		"(" + value + ")::double as value, " +
		"(" + numerator + ")::double as numerator, " +
		"(" + denominator + ")::double as denominator, " +
		"(" + n + ")::bigint as n, " +
		"(" + excluded + ")::bigint as excluded " +
		"from " + warehouse.QuoteIdent(agg)
}

// countRow is a count: value = n, no numerator or denominator.
func countRow(id, n, excluded, agg string) string {
	return kpiRow(id, n, "null", "null", n, excluded, agg)
}

// shareRow is a share num / den (null when den is 0), n = den.
func shareRow(id, num, den, excluded, agg string) string {
	return kpiRow(id, "case when ("+den+") > 0 then ("+num+") / ("+den+") end", num, den, den, excluded, agg)
}

// statRow is a statistic of n units (a median, a quantile, a mean): no
// numerator or denominator.
func statRow(id, value, n, excluded, agg string) string {
	return kpiRow(id, value, "null", "null", n, excluded, agg)
}

// rateRow is a rate num × per / den (null when den is 0), e.g. per 10 000
// inhabitants; n is given, since the units of a rate are not always its
// denominator.
func rateRow(id, num, den, per, n, excluded, agg string) string {
	return kpiRow(id, "case when ("+den+") > 0 then ("+num+") * "+per+" / ("+den+") end", num, den, n, excluded, agg)
}
