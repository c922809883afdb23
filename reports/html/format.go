package html

import (
	"math"
	"strconv"
	"strings"

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
	case !finite(v.Value):
		return markMissing
	}
	return formatNumber(*v.Value, unit, lang)
}

// formatNumber shows a finite value in its unit: shares as per cent with one
// decimal, counts as integers with thousands separated, other units with one
// decimal (whole numbers without). Swedish uses a decimal comma and a
// non-breaking space before the per cent sign and between thousands.
func formatNumber(x float64, unit transform.Unit, lang string) string {
	switch unit {
	case transform.UnitShare:
		s := decimal(x*100, 1, lang)
		if lang == "en" {
			return s + "%"
		}
		return s + "\u00a0%"
	case transform.UnitCount:
		return thousands(strconv.FormatFloat(math.Round(x), 'f', 0, 64), lang)
	default:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return thousands(strconv.FormatFloat(x, 'f', 0, 64), lang)
		}
		return decimal(x, 1, lang)
	}
}

func decimal(x float64, prec int, lang string) string {
	s := strconv.FormatFloat(x, 'f', prec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = thousands(intPart, lang)
	if frac == "" {
		return intPart
	}
	if lang == "en" {
		return intPart + "." + frac
	}
	return intPart + "," + frac
}

// thousands groups the digits of an integer string in threes.
func thousands(s, lang string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := "\u00a0"
	if lang == "en" {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatValue is how the report shows a KPI value in a table or card: the
// number in its unit (per cent with one decimal for shares, Swedish decimal
// comma unless lang is "en"), ".." when suppressed, "-" when missing.
func FormatValue(v *transform.Value, unit transform.Unit, lang string) string {
	return cellText(v, unit, lang)
}
