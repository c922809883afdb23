package html

import (
	"encoding/json"

	"github.com/sipstat/sipstat/transform"
)

// LeadTimeBoxForTest builds the lead-time box plot from plain values, the
// way coverageSection does, and returns its option and points as the page
// writes them.
func LeadTimeBoxForTest(vs []transform.Value, period string, target *float64) (option, points []byte, tableRows [][]string, err error) {
	ids := [5]string{"lead_time_min_days", "lead_time_p25_days", "lead_time_median_days", "lead_time_p75_days", "lead_time_max_days"}
	var box [5]seriesSpec
	for i, id := range ids {
		box[i] = seriesSpec{KPI: id, Name: id}
	}
	c, err := boxChart(boxSpec{ID: "chart-leadtime-context", Title: "t", Desc: "d", ValueName: "Dagar", CategoryName: "Sammanhang",
		Unit: transform.UnitDays, Period: period, Breakdown: "context", Box: box,
		Extra: &seriesSpec{KPI: "lead_time_p90_days", Name: "p90"}, BoxName: "box", Target: target, Lang: "sv"}, indexValues(vs))
	if err != nil {
		return nil, nil, nil, err
	}
	pts, err := json.Marshal(c.Points)
	return c.Option, pts, c.Table.Rows, err
}

// Point is a chart's provenance of one drawn value (point), for the tests
// that decode the page's data-points.
type Point = point
