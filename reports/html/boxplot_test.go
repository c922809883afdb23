package html_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/reports/html"
	"github.com/sipstat/sipstat/transform"
)

// recorder is a reporter that only counts failures.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(f string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
}
func (r *recorder) Fatalf(f string, a ...any) { r.Errorf(f, a...) }

func f64(x float64) *float64 { return &x }

// leadTimeValues: "standard" has all six figures, "discharge" one hidden
// quartile, "child_placement" a missing maximum and a NaN 90th percentile.
func leadTimeValues() []transform.Value {
	ids := []string{"lead_time_min_days", "lead_time_p25_days", "lead_time_median_days", "lead_time_p75_days", "lead_time_max_days", "lead_time_p90_days"}
	figs := map[string][]float64{
		"standard":        {2, 9, 14.5, 23, 61, 38},
		"discharge":       {1, 4, 7, 12, 30, 21},
		"child_placement": {3, 10, 18, 27, 90, 44},
	}
	labels := map[string]string{"standard": "Standard", "discharge": "Utskrivning", "child_placement": "Placering av barn"}
	var out []transform.Value
	for g, xs := range figs {
		for i, id := range ids {
			v := transform.Value{Period: "2026Q3", KPIID: id, Breakdown: "context", Group: g, GroupLabel: labels[g], Value: f64(xs[i])}
			switch {
			case g == "discharge" && id == "lead_time_p25_days":
				v.Suppressed, v.Value = true, nil
			case g == "child_placement" && id == "lead_time_max_days":
				v.NoData, v.Value = true, nil
			case g == "child_placement" && id == "lead_time_p90_days":
				v.Value = f64(math.NaN())
			}
			out = append(out, v)
		}
	}
	return out
}

func leadTimeChart(t *testing.T) (parsedChart, map[string]transform.Value, [][]string) {
	t.Helper()
	vs := leadTimeValues()
	opt, pts, rows, err := html.LeadTimeBoxForTest(vs, "2026Q3", f64(21))
	if err != nil {
		t.Fatal(err)
	}
	c := parsedChart{id: "chart-leadtime-context"}
	if err := json.Unmarshal(opt, &c.option); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(pts, &c.points); err != nil {
		t.Fatal(err)
	}
	want := map[string]transform.Value{}
	for _, v := range vs {
		want[valueKey(v.Period, v.KPIID, v.Breakdown, v.Group)] = v
	}
	return c, want, rows
}

func TestLeadTimeBoxPlot(t *testing.T) {
	c, want, rows := leadTimeChart(t)

	t.Run("the box plot passes the harness: five checked values per box", func(t *testing.T) {
		numbers, gaps := checkOneChart(t, c, want, nil)
		// standard: 5 box values + p90; discharge: box gap (5) + p90;
		// child_placement: box gap (5) + p90 gap.
		if numbers != 7 || gaps != 11 {
			t.Errorf("checked %d numbers and %d gaps, want 7 and 11", numbers, gaps)
		}
		s := c.series()
		if len(s) != 2 || s[0]["type"] != "boxplot" || s[1]["type"] != "scatter" {
			t.Fatalf("series = %v, want a boxplot and a scatter", s)
		}
		b, _ := json.Marshal(c.option)
		if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
			t.Errorf("option holds NaN or Inf: %s", b)
		}
		if !strings.Contains(string(b), `"markLine"`) || !strings.Contains(string(b), `"yAxis":21`) {
			t.Errorf("no target mark line at 21 days: %s", b)
		}
	})

	t.Run("a context without a box says why on its axis label", func(t *testing.T) {
		x := c.option["xAxis"].([]any)[0].(map[string]any)
		var got []string
		for _, l := range x["data"].([]any) {
			got = append(got, l.(string))
		}
		want := "Placering av barn (-)|Standard|Utskrivning (..)"
		if strings.Join(got, "|") != want {
			t.Errorf("labels %q, want %s", got, want)
		}
	})

	t.Run("the table shows .. for hidden and - for missing, never NaN", func(t *testing.T) {
		got := map[string][]string{}
		for _, r := range rows {
			got[r[0]] = r[1:]
		}
		wantRows := map[string][]string{
			"Standard":          {"2,0", "9,0", "14,5", "23,0", "61,0", "38,0"},
			"Utskrivning":       {"1,0", "..", "7,0", "12,0", "30,0", "21,0"},
			"Placering av barn": {"3,0", "10,0", "18,0", "27,0", "-", "-"},
		}
		for k, w := range wantRows {
			if strings.Join(got[k], "|") != strings.Join(w, "|") {
				t.Errorf("row %s = %v, want %v", k, got[k], w)
			}
		}
	})

	// The harness must fail when the chart is wrong; each tampering below
	// is one way a box plot could lie.
	tamper := []struct {
		name string
		edit func(c *parsedChart)
	}{
		{"a box value changed", func(c *parsedChart) { boxItem(c, "Standard")[2] = 15.0 }},
		{"two box values swapped", func(c *parsedChart) {
			v := boxItem(c, "Standard")
			v[1], v[3] = v[3], v[1]
		}},
		{"a box drawn where a quartile is hidden", func(c *parsedChart) {
			setItem(c, 0, "Utskrivning", []any{1.0, 4.0, 7.0, 12.0, 30.0})
		}},
		{"a gap where all five are figures", func(c *parsedChart) { setItem(c, 0, "Standard", "-") }},
		{"a box with four values", func(c *parsedChart) {
			setItem(c, 0, "Standard", []any{2.0, 9.0, 14.5, 23.0})
		}},
		{"a point's position dropped", func(c *parsedChart) { c.points = c.points[1:] }},
		{"a point pointing at the wrong position", func(c *parsedChart) {
			for i := range c.points {
				if c.points[i].Dim != nil && *c.points[i].Dim == 4 {
					d := 3
					c.points[i].Dim = &d
					return
				}
			}
		}},
		{"the 90th percentile changed", func(c *parsedChart) { setItem(c, 1, "Standard", 39.0) }},
	}
	for _, tc := range tamper {
		t.Run("the harness fails on "+tc.name, func(t *testing.T) {
			c2, want, _ := leadTimeChart(t)
			tc.edit(&c2)
			var r recorder
			checkOneChart(&r, c2, want, nil)
			if len(r.errs) == 0 {
				t.Errorf("tampered chart passed the check")
			}
		})
	}
}

// item returns the data item of series si for the category label.
func itemIndex(c *parsedChart, label string) int {
	x := c.option["xAxis"].([]any)[0].(map[string]any)
	for i, l := range x["data"].([]any) {
		if strings.HasPrefix(l.(string), label) {
			return i
		}
	}
	panic("no category " + label)
}

func setItem(c *parsedChart, si int, label string, v any) {
	d := c.series()[si]["data"].([]any)
	i := itemIndex(c, label)
	if m, ok := d[i].(map[string]any); ok {
		m["value"] = v
		return
	}
	d[i] = v
}

func boxItem(c *parsedChart, label string) []any {
	d := c.series()[0]["data"].([]any)
	return d[itemIndex(c, label)].(map[string]any)["value"].([]any)
}
