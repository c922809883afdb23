package xlsx_test

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/reports/xlsx"
)

func write(t *testing.T, lang string) (*model.Report, *excelize.File) {
	t.Helper()
	r, err := model.Load(context.Background(), reporttest.Fixture(t), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, r, xlsx.Options{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return r, f
}

func TestFixtureWorkbook(t *testing.T) {
	r, f := write(t, "sv")

	t.Run("sheets follow the families of the catalogue", func(t *testing.T) {
		want := []string{"Sammanfattning", "Alla nyckeltal", "Genomförande", "Ledtider", "Närvaro", "Delaktighet", "Mål", "Avslut",
			"Avvikelser", "Arbetssätt", "Brukarrevision", "Kartläggning", "Datakvalitet", "Definitioner", "Värden"}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("sheets = %q", got)
		}
		if got := xlsx.SheetNames(r, "sv"); !slices.Equal(got, want) {
			t.Fatalf("SheetNames = %q", got)
		}
	})

	t.Run("a municipality hidden by the rule shows .. and its neighbour too, the rest the number", func(t *testing.T) {
		// Fixture, 2026Q3 (quarter 7): coverage for 0114 has n = 3, 0115
		// n = 22 (the complement), 0180 n = 25, shown.
		rows, _ := f.GetRows("Genomförande")
		h := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 2 && r[0] == "Kommun" })
		if h < 0 {
			t.Fatal("no municipality table")
		}
		col := slices.Index(rows[h], "Andel behov som lett till SIP-möte")
		code := slices.Index(rows[h], "Kod")
		want := map[string]string{"0114": "..", "0115": ".."}
		seen := 0
		v := reporttest.FixtureValue(reporttest.FixtureKPIs[1], 1, 7, 2)
		for _, row := range rows[h+1 : h+4] {
			if w, ok := want[row[code]]; ok {
				seen++
				if row[col] != w {
					t.Errorf("%s = %q, want %s", row[code], row[col], w)
				}
			}
			if row[code] == "0180" {
				seen++
				if got, _ := strconv.ParseFloat(row[col], 64); got != *v.Value {
					t.Errorf("0180 = %q, want %v", row[col], *v.Value)
				}
			}
		}
		if seen != 3 {
			t.Errorf("rows %q", rows[h+1:h+4])
		}
	})

	t.Run("text sparklines draw the trend on a scale from zero", func(t *testing.T) {
		got, _ := f.GetCellValue("Alla nyckeltal", "I10")
		// needs_detected rises by 5 each quarter, 40 … 75: on a scale from 0
		// to 75, round(v/75·7) blocks up, not the full height for +88 %.
		if got != "▅▅▆▆▇▇██" {
			t.Errorf("sparkline = %q", got)
		}
	})
}

func TestEnglishWorkbook(t *testing.T) {
	_, f := write(t, "en")
	if got := f.GetSheetList(); got[0] != "Summary" || got[1] != "All indicators" || got[2] != "Coverage" || got[len(got)-1] != "Values" {
		t.Fatalf("sheets = %q", got)
	}
	props, _ := f.GetDocProps()
	if props.Language != "en-GB" || props.Title != "SIP report 2026Q3 – Region Stockholm" {
		t.Fatalf("props = %+v", props)
	}
}
