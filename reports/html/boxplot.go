package html

import (
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sipstat/sipstat/transform"
)

// boxSpec describes a box plot of one distribution by the groups of a
// breakdown in one period: five KPIs (min, Q1, median, Q3, max) make each
// box, and an optional sixth (e.g. the 90th percentile) is drawn as a
// marker beside it.
type boxSpec struct {
	ID, Title, Desc string
	ValueName       string
	CategoryName    string
	Unit            transform.Unit
	Period          string
	Breakdown       string
	Box             [5]seriesSpec // min, Q1, median, Q3, max
	Extra           *seriesSpec   // drawn as markers; nil: none
	BoxName         string        // legend name of the boxes
	Target          *float64
	Reference       *float64 // a reference level, not a target (21 days)
	Lang            string
}

// boxChart draws one box per group. A box needs all five figures: if any
// of them is hidden or missing, the group is a gap (no box) and its axis
// label and table say which (.. or -).
func boxChart(s boxSpec, vals values) (chart, error) {
	kpis := make([]string, 0, 6)
	for _, ser := range s.Box {
		kpis = append(kpis, ser.KPI)
	}
	if s.Extra != nil {
		kpis = append(kpis, s.Extra.KPI)
	}
	groups := vals.groups(s.Breakdown, kpis, []string{s.Period})

	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: s.Unit, Height: 400}
	c.Table.Head = []string{s.CategoryName}
	for _, ser := range s.Box {
		c.Table.Head = append(c.Table.Head, ser.Name)
	}
	if s.Extra != nil {
		c.Table.Head = append(c.Table.Head, s.Extra.Name)
	}

	labels := make([]string, len(groups))
	boxes := make([]opts.BoxPlotData, len(groups))
	var extra []opts.ScatterData
	for j, g := range groups {
		labels[j] = g.Label
		row := []string{g.Label}
		five := make([]float64, 0, 5)
		gap := ""
		for d, ser := range s.Box {
			v := vals.get(s.Period, ser.KPI, s.Breakdown, g.Code)
			text := cellText(v, s.Unit, s.Lang)
			row = append(row, text)
			if x, ok := chartValue(v).(float64); ok {
				five = append(five, x)
			} else if gap != markSuppressed {
				// ".." wins over "-": a hidden figure is the reason to say so.
				gap = text
			}
			dim := d
			c.Points = append(c.Points, point{Series: 0, Index: j, Period: s.Period, KPI: ser.KPI, Breakdown: s.Breakdown, Group: g.Code, Dim: &dim})
		}
		if gap != "" {
			boxes[j] = opts.BoxPlotData{Name: g.Label, Value: markMissing}
			labels[j] += " (" + gap + ")"
		} else {
			boxes[j] = opts.BoxPlotData{Name: g.Label, Value: five}
		}
		if s.Extra != nil {
			v := vals.get(s.Period, s.Extra.KPI, s.Breakdown, g.Code)
			row = append(row, cellText(v, s.Unit, s.Lang))
			extra = append(extra, opts.ScatterData{Name: g.Label, Value: chartValue(v)})
			c.Points = append(c.Points, point{Series: 1, Index: j, Period: s.Period, KPI: s.Extra.KPI, Breakdown: s.Breakdown, Group: g.Code})
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}

	rot := rotation(labels)
	gap := nameGap(rot, 1)
	c.Height += gap - 40
	box := charts.NewBoxPlot()
	grid := gridBelow(1, gap-40)
	global := append(common(s.Title, s.Desc),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		// One series of boxes and one of diamonds: shape tells them apart,
		// and decal stripes would hide the median bar inside the box.
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(false)}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: s.CategoryName, NameLocation: "middle", NameGap: gap,
			AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rot, FontSize: 13}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.ValueName, Min: 0, Max: valueAxisMax(s.Unit),
			AxisLabel: &opts.AxisLabel{FontSize: 13}}))
	box.SetGlobalOptions(global...)
	box.SetXAxis(labels)
	so := []charts.SeriesOpts{
		charts.WithSeriesId("box"),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#8fb8de", BorderColor: palette[0], BorderWidth: 2}),
	}
	so = append(so, targetLine(s.Target, s.Unit, false, s.Lang)...)
	if s.Target == nil {
		so = append(so, referenceLine(s.Reference, s.Unit, false, s.Lang, tr(s.Lang, "Tre veckor", "Three weeks"))...)
	}
	box.AddSeries(s.BoxName, boxes, so...)
	if s.Extra != nil {
		sc := charts.NewScatter()
		sc.AddSeries(s.Extra.Name, extra, charts.WithSeriesId(s.Extra.KPI),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[1], BorderColor: "#111", BorderWidth: 1}))
		box.Overlap(sc)
	}
	return c.withOption(box, func(m map[string]any) {
		// WithGridOpts adds a grid rather than replacing common's, and the
		// series sit on the first: keep only the one with room for the
		// two-line labels, the axis name and the legend.
		m["grid"] = []opts.Grid{grid}
		// go-echarts has no field for these ECharts settings: the box width
		// and the marker's shape and size.
		b, err := json.Marshal(m["series"])
		if err != nil {
			return
		}
		var series []map[string]any
		if json.Unmarshal(b, &series) != nil {
			return
		}
		for _, ser := range series {
			switch ser["type"] {
			case "boxplot":
				ser["boxWidth"] = []any{24, 70}
			case "scatter":
				ser["symbol"] = "diamond"
				ser["symbolSize"] = 16
				ser["z"] = 3
			}
		}
		m["series"] = series
	})
}
