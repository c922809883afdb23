package transform

import (
	"testing"
	"time"
)

func TestPeriods(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	p, err := ParsePeriod("2026Q3")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Start.Equal(d("2026-07-01")) || !p.End.Equal(d("2026-09-30")) {
		t.Errorf("2026Q3 = %v … %v", p.Start, p.End)
	}
	if got := p.Previous().Label; got != "2026Q2" {
		t.Errorf("previous = %s", got)
	}
	if got := Quarter(2026, 1).Previous().Label; got != "2025Q4" {
		t.Errorf("previous of Q1 = %s", got)
	}
	if got := p.YearAgo().Label; got != "2025Q3" {
		t.Errorf("year ago = %s", got)
	}
	tr := p.Trend(8)
	if tr[0].Label != "2024Q4" || tr[7].Label != "2026Q3" {
		t.Errorf("trend = %v … %v", tr[0].Label, tr[7].Label)
	}
	for as, want := range map[string]string{"2026-10-05": "2026Q3", "2026-09-30": "2026Q3", "2026-09-29": "2026Q2", "2026-01-01": "2025Q4"} {
		if got := LatestCompleteQuarter(d(as)).Label; got != want {
			t.Errorf("latest complete quarter at %s = %s, want %s", as, got, want)
		}
	}
	if _, err := ParsePeriod("2026Q5"); err == nil {
		t.Error("2026Q5 parsed")
	}
}
