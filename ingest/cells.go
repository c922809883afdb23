package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The functions in this file are the Go statements of how one input cell is
// read. CSV cells are parsed by the SQL macros in sql/macros.sql (set-based,
// inside DuckDB); FuzzCells checks that both agree on every input, so an
// XLSX or Parquet delivery and a CSV delivery of the same data load alike.

var (
	dateOnly = regexp.MustCompile(`^[12][0-9]{3}-[0-9]{2}-[0-9]{2}$`)
	dateTime = regexp.MustCompile(`^[12][0-9]{3}-[0-9]{2}-[0-9]{2}[ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$`)
	wholeNum = regexp.MustCompile(`^[+-]?[0-9]{1,9}([.,]0+)?$`)
)

// parseDate reads a contract date: YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS] with
// the time dropped. It mirrors the sip_date macro.
func parseDate(s string) (time.Time, bool) {
	if !dateOnly.MatchString(s) && !dateTime.MatchString(s) {
		return time.Time{}, false
	}
	d, err := time.Parse("2006-01-02", s[:10])
	return d, err == nil
}

// parseInt reads a whole number of at most nine digits (so it always fits an
// INTEGER); a zero decimal part ("12,0" from Excel) is accepted. It mirrors
// the sip_int macro.
func parseInt(s string) (int32, bool) {
	if !wholeNum.MatchString(s) {
		return 0, false
	}
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		s = s[:i]
	}
	n, err := strconv.ParseInt(s, 10, 32)
	return int32(n), err == nil
}

// parseBool reads true/false, 1/0, ja/nej, yes/no and Swedish Excel's
// SANT/FALSKT, in any case. It mirrors the sip_bool macro.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "true", "1", "ja", "yes", "sant":
		return true, true
	case "false", "0", "nej", "no", "falskt":
		return false, true
	}
	return false, false
}

// maxExcelSerial is 9999-12-31, the last day Excel can represent.
const maxExcelSerial = 2958465

// xlsxCellText turns a raw XLSX cell value into the text the SQL checks read.
// In a date column a number is an Excel date serial (a real date cell, or a
// date typed as a number), converted to YYYY-MM-DD; everything else is kept
// as written, so a text date is parsed like a CSV cell.
func xlsxCellText(raw string, isDate, date1904 bool) string {
	if !isDate {
		return raw
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil || v < 1 || v > maxExcelSerial || v != v {
		return raw
	}
	t, err := excelize.ExcelDateToTime(v, date1904)
	if err != nil || t.Year() < 1000 || t.Year() > 2999 {
		// The contract's dates have four-digit years from 1000 to 2999.
		return raw
	}
	return t.Format("2006-01-02")
}
