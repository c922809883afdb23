package ingest

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/xuri/excelize/v2"
)

func TestXLSXDateFormat(t *testing.T) {
	str := func(s string) *string { return &s }
	cases := []struct {
		id     int
		custom *string
		want   bool
	}{
		{0, nil, false}, {1, nil, false}, {4, nil, false}, {14, nil, true}, {22, nil, true}, {45, nil, true}, {49, nil, false},
		{164, str("yyyy-mm-dd"), true},
		{164, str(`[$-41D]d mmmm yyyy`), true},
		{164, str("[h]:mm"), true},
		{164, str(`# ##0" dagar"`), false},
		{164, str(`[Red]0.00`), false},
		{164, str(`0.00E+00`), false},
		{164, str(`General`), false},
		{164, str(`\d0`), false},
		{164, str(`@`), false},
	}
	for _, c := range cases {
		if got := isDateFormat(c.id, c.custom); got != c.want {
			s := "<nil>"
			if c.custom != nil {
				s = *c.custom
			}
			t.Errorf("isDateFormat(%d, %q) = %v, want %v", c.id, s, got, c.want)
		}
	}
}

// TestXLSXTypedColumnsInCustomFormats: a workbook as a Swedish Excel user
// keeps it (every date a date cell in a custom yyyy-mm-dd format, whole
// numbers with a thousands separator, yes/no as TRUE/FALSE cells) is not
// taken for wrong-typed columns, and loads the fixture's rows.
func TestXLSXTypedColumnsInCustomFormats(t *testing.T) {
	const fixture = "testdata/extract"
	want := loadSnapshot(t, fixture)
	dir := writeXLSX(t, fixture)
	p := filepath.Join(dir, workbookName)
	wb, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	dateFmt, numFmt := "yyyy-mm-dd", `# ##0`
	dateStyle, err := wb.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		t.Fatal(err)
	}
	numStyle, err := wb.NewStyle(&excelize.Style{CustomNumFmt: &numFmt})
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, tb := range fixtureTables(t, fixture) {
		rows, err := wb.GetRows(tb.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range rows[0] {
			c, ok := tb.Column(h)
			if !ok {
				continue
			}
			for r := 1; r < len(rows); r++ {
				if i >= len(rows[r]) || rows[r][i] == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(i+1, r+1)
				v := rows[r][i]
				switch c.Type {
				case contract.TypeDate:
					// a text date, or a date cell's serial
					var d time.Time
					if len(v) >= 10 {
						d, err = time.Parse("2006-01-02", v[:10])
					} else {
						var serial float64
						if _, err = fmt.Sscan(v, &serial); err == nil {
							d, err = excelize.ExcelDateToTime(serial, false)
						}
					}
					if err != nil {
						t.Fatalf("%s %s: %q: %v", tb.Name, cell, v, err)
					}
					wb.SetCellValue(tb.Name, cell, d)
					wb.SetCellStyle(tb.Name, cell, cell, dateStyle)
					changed++
				case contract.TypeInt:
					wb.SetCellStyle(tb.Name, cell, cell, numStyle)
					changed++
				}
			}
		}
	}
	if changed < 20 {
		t.Fatalf("only %d cells restyled", changed)
	}
	if err := wb.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	wb.Close()
	got := loadSnapshot(t, dir)
	for table, rows := range want {
		if table == "load_files" || table == "load_warnings" || table == "load_sources" {
			continue
		}
		if !reflect.DeepEqual(got[table], rows) {
			t.Errorf("%s differs:\n got %q\nwant %q", table, got[table], rows)
		}
	}
}

// BenchmarkXLSXFormProbe: the probe of the cells' forms on a sound sheet of
// 100 000 rows (it stops at the first data row) against reading the sheet's
// rows once, as staging does.
//
//	go test ./ingest -run '^$' -bench BenchmarkXLSXFormProbe -benchtime 3x
func BenchmarkXLSXFormProbe(b *testing.B) {
	const rows = 100000
	path := filepath.Join(b.TempDir(), workbookName)
	wb := excelize.NewFile()
	sw, err := wb.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	dateStyle, _ := wb.NewStyle(&excelize.Style{NumFmt: 14})
	sw.SetRow("A1", []any{"person_id", "birth_year", "sex"})
	for r := 2; r <= rows+1; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		sw.SetRow(cell, []any{fmt.Sprintf("P%d", r), 1900 + r%100, excelize.Cell{StyleID: dateStyle, Value: 46000.0}})
	}
	sw.Flush()
	wb.SetSheetName("Sheet1", "persons")
	if err := wb.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	tb, _ := contract.Lookup("persons")
	f := &inputFile{Table: tb, Name: workbookName, Path: path, Format: formatXLSX, Sheet: "persons",
		Header: []string{"person_id", "birth_year", "sex"}}
	b.Run("probe", func(b *testing.B) {
		for b.Loop() {
			wb, err := excelize.OpenFile(path)
			if err != nil {
				b.Fatal(err)
			}
			if err := xlsxFormProbe(f, wb); err != nil {
				b.Fatal(err)
			}
			wb.Close()
		}
	})
	b.Run("read the rows", func(b *testing.B) {
		for b.Loop() {
			x, err := newXLSXRows(f, func(string) {})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for {
				_, _, err := x.Next()
				if err != nil {
					break
				}
				n++
			}
			x.Close()
			if n != rows {
				b.Fatalf("%d rows", n)
			}
		}
	})
}
