package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// readCSV reads one fixture file: header and records.
func readCSV(t testing.TB, path string) ([]string, [][]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs[0], recs[1:]
}

// writeCSV writes a CSV file of the header and rows (encoding/csv).
func writeCSV(t testing.TB, path string, header []string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(append([][]string{header}, rows...)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, b.Bytes())
}

// fixtureTables lists the fixture's CSV files by table.
func fixtureTables(t testing.TB, dir string) []*contract.Table {
	t.Helper()
	var out []*contract.Table
	for i := range contract.Tables {
		if _, err := os.Stat(filepath.Join(dir, contract.Tables[i].Name+".csv")); err == nil {
			out = append(out, &contract.Tables[i])
		}
	}
	return out
}

// formDir is a new folder for one form of the fixture in from, holding a
// copy of its manifest.
func formDir(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, manifestName), readFile(t, filepath.Join(from, manifestName)))
	return dir
}

// writeSwedishCP1252 writes the fixture the way Swedish Excel exports it:
// semicolons, Windows-1252, codes as their Swedish labels, booleans ja/nej.
func writeSwedishCP1252(t testing.TB, from string) string {
	t.Helper()
	dir := formDir(t, from)
	for _, tb := range fixtureTables(t, from) {
		header, recs := readCSV(t, filepath.Join(from, tb.Name+".csv"))
		for _, rec := range recs {
			for i, h := range header {
				c, ok := tb.Column(h)
				if !ok || rec[i] == "" {
					continue
				}
				switch c.Type {
				case contract.TypeCode:
					label := c.Codes.Label(rec[i])
					if back, _ := c.Codes.Parse(label); back != rec[i] {
						t.Fatalf("label %q of %s does not map back to %s", label, rec[i], c.Codes.Name)
					}
					rec[i] = strings.ToUpper(label[:1]) + label[1:]
				case contract.TypeBool:
					rec[i] = map[string]string{"true": "ja", "false": "nej"}[rec[i]]
				}
			}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Comma = ';'
		w.UseCRLF = true
		w.Write(header)
		w.WriteAll(recs)
		// A character Windows-1252 lacks (none in the fixture; some in
		// generated extracts) becomes a substitute.
		enc, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, tb.Name+".csv"), enc)
	}
	return dir
}

// writeBOM writes the fixture as UTF-8 with a byte order mark.
func writeBOM(t testing.TB, from string) string {
	t.Helper()
	dir := formDir(t, from)
	for _, tb := range fixtureTables(t, from) {
		b := readFile(t, filepath.Join(from, tb.Name+".csv"))
		writeFile(t, filepath.Join(dir, tb.Name+".csv"), append(append([]byte{}, utf8BOM...), b...))
	}
	return dir
}

// writeXLSX writes the fixture as one hand-kept workbook: a sheet per table,
// numbers as numbers, booleans as booleans, and dates alternately as real
// Excel date cells and as text.
func writeXLSX(t testing.TB, from string) string {
	t.Helper()
	dir := formDir(t, from)
	wb := excelize.NewFile()
	defer wb.Close()
	dateStyle, err := wb.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for k, tb := range fixtureTables(t, from) {
		header, recs := readCSV(t, filepath.Join(from, tb.Name+".csv"))
		if k == 0 {
			wb.SetSheetName("Sheet1", tb.Name)
		} else if _, err := wb.NewSheet(tb.Name); err != nil {
			t.Fatal(err)
		}
		for i, h := range header {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			wb.SetCellValue(tb.Name, cell, h)
		}
		for r, rec := range recs {
			for i, v := range rec {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
				c, _ := tb.Column(header[i])
				var val any = v
				switch {
				case c == nil:
				case c.Type == contract.TypeDate && r%2 == 0:
					d, err := time.Parse("2006-01-02", v[:10])
					if err != nil {
						t.Fatal(err)
					}
					val = d
					wb.SetCellStyle(tb.Name, cell, cell, dateStyle)
				case c.Type == contract.TypeInt:
					n, err := strconv.Atoi(v)
					if err != nil {
						t.Fatal(err)
					}
					val = n
				case c.Type == contract.TypeBool:
					val = v == "true"
				}
				if err := wb.SetCellValue(tb.Name, cell, val); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := wb.SaveAs(filepath.Join(dir, workbookName)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeParquet writes each fixture table as <table>.parquet with real types
// (DATE, INTEGER, BOOLEAN), the way a regional system exports it.
func writeParquet(t testing.TB, from string) string {
	t.Helper()
	dir := formDir(t, from)
	db := openDB(t, filepath.Join(t.TempDir(), "parquet.duckdb"))
	for _, tb := range fixtureTables(t, from) {
		header, _ := readCSV(t, filepath.Join(from, tb.Name+".csv"))
		var cols []string
		for _, h := range header {
			expr := warehouse.QuoteIdent(h)
			if c, ok := tb.Column(h); ok {
				switch c.Type {
				case contract.TypeDate:
					expr = "cast(left(" + expr + ", 10) as date)"
				case contract.TypeInt, contract.TypeBool:
					expr = "cast(" + expr + " as " + c.Type.SQLType() + ")"
				}
			}
			cols = append(cols, expr+" as "+warehouse.QuoteIdent(h))
		}
		q := fmt.Sprintf("copy (select %s from read_csv(?, header = true, all_varchar = true)) to '%s' (format parquet)",
			strings.Join(cols, ", "), filepath.Join(dir, tb.Name+".parquet"))
		if _, err := db.ExecContext(context.Background(), q, filepath.Join(from, tb.Name+".csv")); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAllFormsLoadTheSameRows(t *testing.T) {
	const fixture = "testdata/extract"
	want := loadSnapshot(t, fixture)
	forms := []struct {
		name     string
		dir      func(testing.TB, string) string
		format   string
		encoding string
		delim    string
	}{
		{"Windows-1252 with semicolons and Swedish labels", writeSwedishCP1252, formatCSV, encCP1252, ";"},
		{"UTF-8 with a byte order mark", writeBOM, formatCSV, encUTF8BOM, ","},
		{"one XLSX workbook with date cells and text dates", writeXLSX, formatXLSX, "", ""},
		{"Parquet with typed columns", writeParquet, formatParquet, "", ""},
	}
	for _, form := range forms {
		t.Run(form.name, func(t *testing.T) {
			dir := form.dir(t, fixture)
			got := loadSnapshot(t, dir)
			for table, rows := range want {
				if table == "load_files" || table == "load_warnings" {
					continue
				}
				if !reflect.DeepEqual(got[table], rows) {
					t.Errorf("%s differs:\n got %q\nwant %q", table, got[table], rows)
				}
			}
			db := openDB(t, "")
			sum := mustLoad(t, db, dir, Options{})
			for _, f := range sum.Files {
				if form.encoding == encCP1252 && f.Encoding == encUTF8 && isASCII(t, filepath.Join(dir, f.File)) {
					// A file without any byte above 127 is UTF-8 as much as Windows-1252.
					f.Encoding = encCP1252
				}
				if f.Format != form.format || f.Encoding != form.encoding || f.Delimiter != form.delim {
					t.Errorf("%s: format %s, encoding %q, delimiter %q; want %s, %q, %q", f.Table, f.Format, f.Encoding, f.Delimiter, form.format, form.encoding, form.delim)
				}
			}
		})
	}
}

func loadSnapshot(t testing.TB, dir string) map[string][]string {
	t.Helper()
	db := openDB(t, "")
	mustLoad(t, db, dir, Options{})
	return snapshot(t, db)
}

func TestSwedishTextComesOutRight(t *testing.T) {
	for name, dir := range map[string]string{
		"utf-8":        "testdata/extract",
		"windows-1252": writeSwedishCP1252(t, "testdata/extract"),
		"xlsx":         writeXLSX(t, "testdata/extract"),
	} {
		t.Run(name, func(t *testing.T) {
			db := openDB(t, "")
			mustLoad(t, db, dir, Options{})
			got := dump(t, db, "select text_sv from raw.survey_questions order by question_id")
			want := []string{
				"Fick du den information du behövde i Södertälje?",
				"Var du delaktig i planeringen?",
				"Hur nöjd är du totalt, även med avgiften 0 €?",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("text_sv = %q, want %q", got, want)
			}
			if codes := dump(t, db, "select municipality_code from raw.sips order by sip_id"); !reflect.DeepEqual(codes, []string{"0181", "0180", "0181", "0180"}) {
				t.Errorf("municipality codes = %q, want leading zeros kept", codes)
			}
		})
	}
}

func isASCII(t testing.TB, path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
