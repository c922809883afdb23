package model

import (
	"math"
	"strconv"
	"strings"

	"github.com/sipstat/sipstat/transform"
)

// Decimals is the one rounding rule of both outputs: how many decimals a
// value of the unit is shown with (a share in per cent). The workbook's
// number formats (ExcelFormat) and the HTML's text follow it, so 15,5 days
// read 15,5 in both.
func Decimals(u transform.Unit) int {
	switch u {
	case transform.UnitCount, transform.UnitIndex:
		return 0
	}
	return 1
}

// ExcelFormat is the workbook's number format for a unit, following Decimals.
func ExcelFormat(u transform.Unit) string {
	if f, ok := excelFormats[u]; ok {
		return f
	}
	return "0.0"
}

// excelFormats are the units whose format is not one decimal ("0.0").
var excelFormats = map[transform.Unit]string{
	transform.UnitShare: "0.0%",
	transform.UnitCount: "#,##0",
	transform.UnitIndex: "0",
}

// FormatNumber shows a finite value in its unit with the decimals of the
// one rounding rule both outputs follow (Decimals): shares as per
// cent with one decimal, counts and indexes as integers, days, rates and
// means with one decimal. Swedish uses a decimal comma and a non-breaking
// space before the per cent sign and between thousands.
func FormatNumber(x float64, unit transform.Unit, lang string) string {
	d := Decimals(unit)
	if unit == transform.UnitShare {
		s := decimal(x*100, d, lang)
		if lang == "en" {
			return s + "%"
		}
		return s + "\u00a0%"
	}
	if d == 0 {
		return thousands(strconv.FormatFloat(math.Round(x), 'f', 0, 64), lang)
	}
	return decimal(x, d, lang)
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
