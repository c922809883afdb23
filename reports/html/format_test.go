package html

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sipstat/sipstat/transform"
)

func f64(x float64) *float64 { return &x }

func TestCellText(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    *transform.Value
		unit transform.Unit
		lang string
		want string
	}{
		{"a share is per cent with one decimal and a decimal comma", &transform.Value{Value: f64(0.8421)}, transform.UnitShare, "sv", "84,2\u00a0%"},
		{"in English a share has a decimal point", &transform.Value{Value: f64(0.8421)}, transform.UnitShare, "en", "84.2%"},
		{"a count has thousands separated", &transform.Value{Value: f64(20731)}, transform.UnitCount, "sv", "20\u00a0731"},
		{"whole days show one decimal, as in the workbook", &transform.Value{Value: f64(21)}, transform.UnitDays, "sv", "21,0"},
		{"fractional days show one decimal", &transform.Value{Value: f64(13.5)}, transform.UnitDays, "sv", "13,5"},
		{"zero is shown as 0", &transform.Value{Value: f64(0)}, transform.UnitCount, "sv", "0"},
		{"a suppressed value is ..", &transform.Value{Suppressed: true, N: 3}, transform.UnitCount, "sv", ".."},
		{"no data is -", &transform.Value{NoData: true}, transform.UnitShare, "sv", "-"},
		{"nothing to compute is . (not applicable)", &transform.Value{}, transform.UnitShare, "sv", "."},
		{"an absent value is -", nil, transform.UnitShare, "sv", "-"},
		{"NaN is -", &transform.Value{Value: f64(math.NaN())}, transform.UnitShare, "sv", "-"},
		{"Inf is -", &transform.Value{Value: f64(math.Inf(1))}, transform.UnitDays, "sv", "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cellText(tc.v, tc.unit, tc.lang); got != tc.want {
				t.Errorf("cellText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNoNaNReachesAChart(t *testing.T) {
	t.Run("NaN, Inf, suppressed and missing values become ECharts' gap marker", func(t *testing.T) {
		for _, v := range []*transform.Value{
			nil, {Value: f64(math.NaN())}, {Value: f64(math.Inf(-1))}, {Suppressed: true}, {NoData: true, Value: f64(1)},
		} {
			if got := chartValue(v); got != "-" {
				t.Errorf("chartValue(%+v) = %v, want -", v, got)
			}
		}
	})
	t.Run("a trend with NaN in its values draws a gap, not a blank chart", func(t *testing.T) {
		vals := indexValues([]transform.Value{
			{Period: "2026Q2", KPIID: "coverage", Breakdown: "total", Value: f64(0.5)},
			{Period: "2026Q3", KPIID: "coverage", Breakdown: "total", Value: f64(math.NaN())},
		})
		c, err := trendChart(trendSpec{ID: "x", Title: "T", YName: "Andel (%)", Unit: transform.UnitShare,
			Periods: []string{"2026Q2", "2026Q3"}, Series: []seriesSpec{{KPI: "coverage", Name: "Täckning"}}, Lang: "sv"}, vals)
		if err != nil {
			t.Fatal(err)
		}
		var o struct {
			Series []struct {
				Data []struct{ Value any } `json:"data"`
			} `json:"series"`
		}
		if err := json.Unmarshal(c.Option, &o); err != nil {
			t.Fatalf("option is not JSON: %v\n%s", err, c.Option)
		}
		if got := []any{o.Series[0].Data[0].Value, o.Series[0].Data[1].Value}; got[0] != 0.5 || got[1] != "-" {
			t.Errorf("data = %v, want [0.5 -]", got)
		}
		if c.Table.Rows[1][1] != "-" {
			t.Errorf("table shows %q for NaN, want -", c.Table.Rows[1][1])
		}
	})
	t.Run("a NaN that bypasses chartValue fails the report instead of a silent blank chart", func(t *testing.T) {
		bar := charts.NewBar()
		bar.SetXAxis([]string{"a"})
		bar.AddSeries("s", []opts.BarData{{Value: math.NaN()}})
		if _, err := encodeOption(bar, nil); err == nil || !strings.Contains(err.Error(), "encode chart option") {
			t.Fatalf("err = %v, want an encoding error", err)
		}
	})
}

func TestInlineSafe(t *testing.T) {
	in := `var a = "</script><!-- x"; var b = /<\/SCRIPT>/; c = "</ScRiPt>";`
	out := inlineSafe(in)
	if strings.Contains(strings.ToLower(out), "</script") || strings.Contains(out, "<!--") {
		t.Errorf("inlineSafe left a tag end or comment opener: %s", out)
	}
}
