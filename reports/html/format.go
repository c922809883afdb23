package html

import (
	"math"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/transform/suppress"
)

// The statistics marks of kpis.md: ".." for a value hidden by the
// small-number rule, "-" for a value that is missing (no data, no units).
// ECharts happens to use "-" as its own missing-value marker too.
const (
	markSuppressed = suppress.Mark
	markMissing    = suppress.NoData
)

// finite reports whether v holds a number a chart can draw. NaN and ±Inf are
// treated as missing: go-echarts drops the whole option silently on them.
func finite(v *float64) bool {
	return v != nil && !math.IsNaN(*v) && !math.IsInf(*v, 0)
}

// chartValue is what a chart series gets for one KPI value: the exact
// figure, or ECharts' missing marker "-" when it is suppressed, absent or not
// a finite number.
func chartValue(v *transform.Value) any {
	if v == nil || v.Suppressed || v.NoData || !finite(v.Value) {
		return markMissing
	}
	return *v.Value
}

// cellText formats one KPI value for a table cell and the KPI cards.
func cellText(v *transform.Value, unit transform.Unit, lang string) string {
	switch {
	case v == nil || v.NoData:
		return markMissing
	case v.Suppressed:
		return markSuppressed
	case v.Value == nil:
		// The catalogue has the row but no units: Kolada's "not applicable".
		return model.MarkNotApplicable
	case !finite(v.Value):
		return markMissing
	}
	return formatNumber(*v.Value, unit, lang)
}

// formatNumber shows a finite value in its unit (model.FormatNumber).
func formatNumber(x float64, unit transform.Unit, lang string) string {
	return model.FormatNumber(x, unit, lang)
}

// FormatValue is how the report shows a KPI value in a table or card: the
// number in its unit (per cent with one decimal for shares, Swedish decimal
// comma unless lang is "en"), ".." when suppressed, "-" when missing.
func FormatValue(v *transform.Value, unit transform.Unit, lang string) string {
	return cellText(v, unit, lang)
}
