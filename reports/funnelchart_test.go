package reports_test

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/reports/internal/reporttest"
)

// TestFunnelChartAxis: each family sheet's funnel plot has 5 series (the
// points, those outside 99.8 %, one per limit pair and the centre line) and
// a value axis spanning the data, not 0–100 %: from the lowest lower 99.8 %
// limit or value to the highest upper limit or value, rounded outward to 5 %,
// computed here from transform's kpi_funnel table.
func TestFunnelChartAxis(t *testing.T) {
	w := writeWorkbook(t, "")
	var charts []string
	w.f.Pkg.Range(func(k, v any) bool {
		if name := k.(string); strings.HasPrefix(name, "xl/charts/chart") {
			charts = append(charts, string(v.([]byte)))
		}
		return true
	})
	db := reporttest.Open(t)
	rows, err := db.QueryContext(context.Background(),
		`select kpi_id, min(least(lower_998, value)), max(greatest(upper_998, value)) from kpi_funnel where period = ? group by kpi_id`, w.p.Label)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	found := 0
	for rows.Next() {
		var id string
		var lo, hi float64
		if err := rows.Scan(&id, &lo, &hi); err != nil {
			t.Fatal(err)
		}
		xml := ""
		for _, c := range charts {
			if strings.Contains(c, "Trattdiagram: "+w.byID[id].NameSV+" "+w.p.Label) {
				xml = c
			}
		}
		if xml == "" {
			continue // one funnel plot per family sheet
		}
		found++
		lo = math.Max(0, math.Floor(lo*20+1e-9)/20)
		hi = math.Min(1, math.Ceil(hi*20-1e-9)/20)
		if n := strings.Count(xml, "<ser>") + strings.Count(xml, "<c:ser>"); n != 5 {
			t.Errorf("%s: %d series, want 5", id, n)
		}
		for tag, want := range map[string]float64{"min": lo, "max": hi} {
			m := regexp.MustCompile(`<(?:c:)?` + tag + ` val="([^"]+)"`).FindStringSubmatch(xml)
			if m == nil || m[1] != fmt.Sprint(math.Round(want*100)/100) {
				t.Errorf("%s: value axis %s = %v, want %v", id, tag, m, want)
			}
		}
		t.Logf("%s: value axis %v–%v", id, lo, hi)
	}
	if found == 0 {
		t.Fatal("no funnel plot in the workbook")
	}
}
