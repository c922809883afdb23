package html

import (
	"fmt"
	"math"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sipstat/sipstat/transform"
)

// trendSpec describes a chart of KPIs (total breakdown, or one group of a
// breakdown) over a run of quarters.
type trendSpec struct {
	ID, Title, Desc string
	YName           string // value axis name with unit, e.g. "Andel (%)"
	Unit            transform.Unit
	Periods         []string // oldest first
	Breakdown       string   // "total" unless a group is charted
	Group           string
	Series          []seriesSpec
	Target          *float64 // drawn on the first series
	Reference       *float64 // a reference level (21 days), drawn on the first series
	Bars            bool     // bars instead of lines
	Stacked         bool     // stacked bars (shares of one whole)
	Lang            string
}

func trendChart(s trendSpec, vals values) (chart, error) {
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: s.Unit, Height: 360}
	breakdown := s.Breakdown
	if breakdown == "" {
		breakdown = "total"
	}
	c.Table.Head = append([]string{tr(s.Lang, "Kvartal", "Quarter")}, names(s.Series)...)
	for _, p := range s.Periods {
		row := []string{p}
		for _, ser := range s.Series {
			row = append(row, cellText(vals.get(p, ser.KPI, breakdown, s.Group), s.Unit, s.Lang))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}

	legendRows := legendLines(names(s.Series))
	c.Height = 340 + 24*legendRows
	xAxis := opts.XAxis{Type: "category", Name: tr(s.Lang, "Kvartal", "Quarter"), NameLocation: "middle", NameGap: 28}
	yAxis := opts.YAxis{Type: "value", Name: s.YName, Min: 0, Max: valueAxisMax(s.Unit)}
	global := append(common(s.Title, s.Desc), charts.WithGridOpts(gridFor(legendRows)), charts.WithXAxisOpts(xAxis), charts.WithYAxisOpts(yAxis))

	if s.Bars {
		bar := charts.NewBar()
		bar.SetGlobalOptions(global...)
		bar.SetXAxis(s.Periods)
		for i, ser := range s.Series {
			data := make([]opts.BarData, len(s.Periods))
			for j, p := range s.Periods {
				data[j] = opts.BarData{Value: chartValue(vals.get(p, ser.KPI, breakdown, s.Group))}
				c.Points = append(c.Points, point{Series: i, Index: j, Period: p, KPI: ser.KPI, Breakdown: breakdown, Group: s.Group})
			}
			so := []charts.SeriesOpts{charts.WithSeriesId(ser.KPI)}
			if s.Stacked {
				so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
			}
			if i == 0 {
				so = append(so, targetLine(s.Target, s.Unit, false, s.Lang)...)
			}
			bar.AddSeries(ser.Name, data, so...)
		}
		return c.withOption(bar, nil)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(global...)
	line.SetXAxis(s.Periods)
	prelim := func(ser seriesSpec, j int) bool {
		v := vals.get(s.Periods[j], ser.KPI, breakdown, s.Group)
		return v != nil && v.Preliminary
	}
	anyPrelim := false
	for _, ser := range s.Series {
		for j := range s.Periods {
			anyPrelim = anyPrelim || prelim(ser, j)
		}
	}
	for i, ser := range s.Series {
		// The final quarters as a line; a preliminary quarter is a gap
		// here and drawn by the series below.
		data := make([]opts.LineData, len(s.Periods))
		for j, p := range s.Periods {
			if prelim(ser, j) {
				data[j] = opts.LineData{Value: markMissing}
				c.Points = append(c.Points, point{Series: i, Index: j, Period: p, KPI: ser.KPI, Breakdown: breakdown, Group: s.Group, Elsewhere: true})
				continue
			}
			data[j] = opts.LineData{Value: chartValue(vals.get(p, ser.KPI, breakdown, s.Group))}
			c.Points = append(c.Points, point{Series: i, Index: j, Period: p, KPI: ser.KPI, Breakdown: breakdown, Group: s.Group})
		}
		so := []charts.SeriesOpts{
			charts.WithSeriesId(ser.KPI),
			charts.WithLineChartOpts(opts.LineChart{Symbol: lineSymbols[i%len(lineSymbols)], SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Type: lineDashes[i%len(lineDashes)], Width: 3}),
		}
		if i == 0 {
			so = append(so, targetLine(s.Target, s.Unit, false, s.Lang)...)
		}
		// A reference line goes on the last series, so its style does
		// not replace the target's.
		if i == len(s.Series)-1 && (i > 0 || s.Target == nil) {
			so = append(so, referenceLine(s.Reference, s.Unit, false, s.Lang)...)
		}
		line.AddSeries(ser.Name, data, so...)
	}
	if anyPrelim {
		// Preliminary quarters: a dashed line from the last final
		// quarter to hollow markers, in the series' colour.
		for i, ser := range s.Series {
			data := make([]opts.LineData, len(s.Periods))
			for j, p := range s.Periods {
				if prelim(ser, j) || j+1 < len(s.Periods) && prelim(ser, j+1) {
					data[j] = opts.LineData{Value: chartValue(vals.get(p, ser.KPI, breakdown, s.Group))}
					if !prelim(ser, j) {
						// The final quarter the dash starts from keeps its
						// filled marker from the final line.
						data[j].Symbol = "none"
					}
					c.Points = append(c.Points, point{Series: len(s.Series) + i, Index: j, Period: p, KPI: ser.KPI, Breakdown: breakdown, Group: s.Group})
					continue
				}
				data[j] = opts.LineData{Value: markMissing}
				c.Points = append(c.Points, point{Series: len(s.Series) + i, Index: j, Period: p, KPI: ser.KPI, Breakdown: breakdown, Group: s.Group, Elsewhere: true})
			}
			line.AddSeries(ser.Name+" ("+tr(s.Lang, "prel.", "prel.")+")", data,
				charts.WithSeriesId(ser.KPI+":prel"),
				charts.WithLineChartOpts(opts.LineChart{Symbol: "emptyCircle", SymbolSize: 10, ShowSymbol: opts.Bool(true)}),
				charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Width: 2, Color: palette[i%len(palette)]}),
				charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[i%len(palette)]}))
		}
	}
	return c.withOption(line, nil)
}

// barSpec describes bars of KPIs by the groups of a breakdown in one period.
type barSpec struct {
	ID, Title, Desc string
	ValueName       string // value axis name with unit
	CategoryName    string // category axis name
	Unit            transform.Unit
	Period          string
	Breakdown       string
	Groups          []category // nil: every group that has a value, by label
	Series          []seriesSpec
	Target          *float64
	Horizontal      bool
	// SortByFirst orders groups by the first series' value, best first
	// given direction ("higher"/"lower"); hidden and missing values last.
	SortByFirst string
	// MaxGroups, when set, shows at most that many groups: the first and
	// the last half of the sorted shown ones.
	MaxGroups int
	// Highlight is the group drawn in its own colour (the municipality of
	// a municipality's report).
	Highlight string
	// Reference is a level drawn across (the region's value), named RefName.
	Reference *float64
	RefName   string
	Lang      string
}

func barChart(s barSpec, vals values) (chart, error) {
	groups := s.Groups
	if groups == nil {
		kpis := make([]string, len(s.Series))
		for i, ser := range s.Series {
			kpis[i] = ser.KPI
		}
		groups = vals.groups(s.Breakdown, kpis, []string{s.Period})
	}
	if s.SortByFirst != "" && len(s.Series) > 0 {
		groups = append([]category(nil), groups...)
		first := s.Series[0].KPI
		num := func(g category) (float64, bool) {
			v := vals.get(s.Period, first, g.breakdown(s.Breakdown), g.Code)
			if v == nil || v.Suppressed || v.NoData || !finite(v.Value) {
				return 0, false
			}
			return *v.Value, true
		}
		sort.SliceStable(groups, func(i, j int) bool {
			a, aok := num(groups[i])
			b, bok := num(groups[j])
			if aok != bok {
				return aok
			}
			if a == b {
				return groups[i].Label < groups[j].Label
			}
			if s.SortByFirst == "lower" {
				return a < b
			}
			return a > b
		})
	}
	if s.MaxGroups > 0 && len(groups) > s.MaxGroups && len(s.Series) > 0 {
		var shown []category
		for _, g := range groups {
			if v := vals.get(s.Period, s.Series[0].KPI, g.breakdown(s.Breakdown), g.Code); v != nil && !v.Suppressed && finite(v.Value) {
				shown = append(shown, g)
			}
		}
		if len(shown) > s.MaxGroups {
			half := s.MaxGroups / 2
			shown = append(shown[:half:half], shown[len(shown)-half:]...)
		}
		groups = shown
	}
	legendRows := legendLines(names(s.Series))
	h := 340 + 24*legendRows
	if s.Horizontal {
		h = max(h, 110+24*legendRows+len(groups)*22*max(1, len(s.Series)))
	}
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: s.Unit, Height: h}
	c.Table.Head = append([]string{s.CategoryName}, names(s.Series)...)
	labels := make([]string, len(groups))
	for i, g := range groups {
		labels[i] = g.Label
		row := []string{g.Label}
		for _, ser := range s.Series {
			row = append(row, cellText(vals.get(s.Period, ser.KPI, g.breakdown(s.Breakdown), g.Code), s.Unit, s.Lang))
		}
		c.Table.Rows = append(c.Table.Rows, row)
		// With one series, a gap's mark goes on the axis label, so the
		// chart itself tells ".." from "-".
		if len(s.Series) == 1 && row[1] == markSuppressed || len(s.Series) == 1 && row[1] == markMissing {
			labels[i] += " (" + row[1] + ")"
		}
	}

	bar := charts.NewBar()
	catAxisName := s.CategoryName
	rot, gap := 0.0, 40
	if !s.Horizontal {
		rot = rotation(labels)
		gap = nameGap(rot, 1)
		c.Height += gap - 40
	}
	global := append(common(s.Title, s.Desc), charts.WithGridOpts(gridBelow(legendRows, gap-40)))
	if s.Horizontal {
		// ECharts draws the first category at the bottom of a vertical
		// category axis; inverse keeps the table's order top to bottom.
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: s.ValueName, NameLocation: "middle", NameGap: 30, Min: 0, Max: valueAxisMax(s.Unit)}),
			charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: catAxisName, NameLocation: "start", Inverse: opts.Bool(true),
				AxisLabel: &opts.AxisLabel{Interval: "0"}}))
		bar.XYReversal()
	} else {
		global = append(global,
			charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: catAxisName, NameLocation: "middle", NameGap: gap,
				AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rot}}),
			charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.ValueName, Min: 0, Max: valueAxisMax(s.Unit)}))
	}
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(labels)
	for i, ser := range s.Series {
		data := make([]opts.BarData, len(groups))
		for j, g := range groups {
			bd := g.breakdown(s.Breakdown)
			data[j] = opts.BarData{Value: chartValue(vals.get(s.Period, ser.KPI, bd, g.Code))}
			if s.Highlight != "" && g.Code == s.Highlight {
				data[j].ItemStyle = &opts.ItemStyle{Color: "#e59a2f", BorderColor: "#111", BorderWidth: 1}
			}
			c.Points = append(c.Points, point{Series: i, Index: j, Period: s.Period, KPI: ser.KPI, Breakdown: bd, Group: g.Code})
		}
		so := []charts.SeriesOpts{charts.WithSeriesId(ser.KPI)}
		if i == 0 {
			so = append(so, targetLine(s.Target, s.Unit, s.Horizontal, s.Lang)...)
			if s.Target == nil {
				so = append(so, referenceLine(s.Reference, s.Unit, s.Horizontal, s.Lang, s.RefName)...)
			}
		}
		bar.AddSeries(ser.Name, data, so...)
	}
	return c.withOption(bar, nil)
}

// rotation tilts category labels when there are many or long ones.
func rotation(labels []string) float64 {
	total := 0
	for _, l := range labels {
		total += len([]rune(l))
	}
	if len(labels) > 6 || total > 60 {
		return 30
	}
	return 0
}

// heatSpec describes a heat map of one KPI by the groups of a breakdown
// (rows) and quarters (columns).
type heatSpec struct {
	ID, Title, Desc string
	RowName         string
	KPI             string
	Unit            transform.Unit
	Breakdown       string
	Periods         []string
	Groups          []category
	// Direction is the KPI's: the worst cells are warm (red), the best
	// green; a neutral KPI gets one light-to-dark hue.
	Direction string
	Lang      string
}

// Heat-map colour scales, low to high.
var (
	heatHigherBetter = []string{"#d7301f", "#fc8d59", "#fee08b", "#d9ef8b", "#1a9850"}
	heatLowerBetter  = []string{"#1a9850", "#d9ef8b", "#fee08b", "#fc8d59", "#d7301f"}
	heatNeutral      = []string{"#f7fbff", "#9ecae1", "#2171b5", "#08306b"}
)

func heatChart(s heatSpec, vals values) (chart, error) {
	groups := s.Groups
	if groups == nil {
		groups = vals.groups(s.Breakdown, []string{s.KPI}, s.Periods)
	}
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: s.Unit, Height: max(320, 150+len(groups)*34), Direction: s.Direction}
	c.Table.Head = append([]string{s.RowName}, s.Periods...)
	labels := make([]string, len(groups))
	var data []opts.HeatMapData
	// The scale runs from the lowest to the highest value shown, so the
	// worst cell is the warmest whatever the level.
	lo, hi := math.Inf(1), math.Inf(-1)
	for gi, g := range groups {
		labels[gi] = g.Label
		row := []string{g.Label}
		for pi, p := range s.Periods {
			v := vals.get(p, s.KPI, s.Breakdown, g.Code)
			row = append(row, cellText(v, s.Unit, s.Lang))
			cv := chartValue(v)
			if x, ok := cv.(float64); ok {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
			c.Points = append(c.Points, point{Series: 0, Index: len(data), Period: p, KPI: s.KPI, Breakdown: s.Breakdown, Group: g.Code})
			data = append(data, opts.HeatMapData{Value: [3]any{pi, gi, cv}})
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 1
	}
	if hi == lo {
		hi = lo + 1e-9
	}
	colours := heatNeutral
	switch s.Direction {
	case "higher":
		colours = heatHigherBetter
	case "lower":
		colours = heatLowerBetter
	}
	hm := charts.NewHeatMap()
	global := common(s.Title, s.Desc)
	global = append(global,
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "70", Bottom: "80", ContainLabel: opts.Bool(true)}),
		// HeatMap.Validate does not copy SetXAxis data, so both axes carry
		// their categories here.
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: s.Periods, Name: tr(s.Lang, "Kvartal", "Quarter"), NameLocation: "middle", NameGap: 28,
			AxisLabel: &opts.AxisLabel{Interval: "0"}, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: s.RowName, NameLocation: "start", Data: labels, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		// A light-to-dark single-hue scale reads the same in grey-scale.
		// The lightness scale is the grey-scale cue here; decal stripes
		// would only blur the cell labels.
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(false)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(false), Min: float32(lo), Max: float32(hi),
			Text:   []string{formatNumber(hi, s.Unit, s.Lang), formatNumber(lo, s.Unit, s.Lang)},
			Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: colours}}),
	)
	hm.SetGlobalOptions(global...)
	hm.AddSeries(tr(s.Lang, "Värde", "Value"), data, charts.WithSeriesId(s.KPI),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#fff", BorderWidth: 1}))
	return c.withOption(hm, nil)
}

// funnelSpec describes the process funnel: stages in process order.
type funnelSpec struct {
	ID, Title, Desc string
	Period          string
	Breakdown       string // the report's own figures: "total" or "municipality"
	Group           string
	Stages          []seriesSpec // KPI per stage, in process order; "" = not counted
	Lang            string
}

// funnelChart draws the stages as bars in process order rather than as an
// ECharts funnel: a funnel sorts and shapes by value and cannot show a
// hidden stage, while bars keep the order and leave a gap for "..".
func funnelChart(s funnelSpec, vals values) (chart, error) {
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: transform.UnitCount, Height: 360}
	c.Table.Head = []string{tr(s.Lang, "Steg", "Stage"), tr(s.Lang, "Antal", "Count")}
	labels := make([]string, len(s.Stages))
	data := make([]opts.BarData, len(s.Stages))
	for i, st := range s.Stages {
		// A stage the catalogue does not count keeps an empty KPI id: it
		// is drawn as a gap and its point says so.
		var v *transform.Value
		if st.KPI != "" {
			v = vals.get(s.Period, st.KPI, s.Breakdown, s.Group)
		}
		c.Points = append(c.Points, point{Series: 0, Index: i, Period: s.Period, KPI: st.KPI, Breakdown: s.Breakdown, Group: s.Group})
		text := cellText(v, transform.UnitCount, s.Lang)
		labels[i] = st.Name
		switch {
		case st.KPI == "":
			labels[i] += "\n(" + tr(s.Lang, "räknas inte", "not counted") + ")"
		case text == markSuppressed || text == markMissing:
			labels[i] += "\n(" + text + ")"
		}
		data[i] = opts.BarData{Value: chartValue(v)}
		c.Table.Rows = append(c.Table.Rows, []string{st.Name, text})
	}
	bar := charts.NewBar()
	global := append(common(s.Title, s.Desc),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		// Six stages fit side by side; a stage without a count gets a
		// second label line instead of tilted labels.
		charts.WithGridOpts(gridBelow(1, nameGap(0, 2)-40)),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: tr(s.Lang, "Steg i processen", "Process stage"), NameLocation: "middle", NameGap: nameGap(0, 2),
			AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: tr(s.Lang, "Antal", "Count"), Min: 0}))
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(labels)
	bar.AddSeries(tr(s.Lang, "Antal", "Count"), data, charts.WithSeriesId("funnel"),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
		charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "20%"}))
	return c.withOption(bar, nil)
}

// countSpec describes bars of plain counts that are not KPI values (data
// quality): one category per row, one series per column.
type countSpec struct {
	ID, Title, Desc string
	CategoryName    string
	ValueName       string
	Categories      []string
	Series          []countSeries
	Stacked         bool
	Lang            string
}

type countSeries struct {
	Name   string
	Source string  // what the counts are, for the provenance record
	Counts []int64 // one per category
}

func countChart(s countSpec) (chart, error) {
	h := max(320, 110+len(s.Categories)*26)
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: transform.UnitCount, Height: h}
	c.Table.Head = []string{s.CategoryName}
	for _, ser := range s.Series {
		c.Table.Head = append(c.Table.Head, ser.Name)
	}
	for i, cat := range s.Categories {
		row := []string{cat}
		for _, ser := range s.Series {
			row = append(row, formatNumber(float64(ser.Counts[i]), transform.UnitCount, s.Lang))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	bar := charts.NewBar()
	global := append(common(s.Title, s.Desc),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: s.ValueName, NameLocation: "middle", NameGap: 30, Min: 0}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Name: s.CategoryName, NameLocation: "start", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}))
	bar.SetGlobalOptions(global...)
	bar.XYReversal()
	bar.SetXAxis(s.Categories)
	for i, ser := range s.Series {
		data := make([]opts.BarData, len(ser.Counts))
		for j, n := range ser.Counts {
			data[j] = opts.BarData{Value: n}
			c.Points = append(c.Points, point{Series: i, Index: j, Source: ser.Source, Group: s.Categories[j]})
		}
		so := []charts.SeriesOpts{charts.WithSeriesId(ser.Source)}
		if s.Stacked {
			so = append(so, charts.WithBarChartOpts(opts.BarChart{Stack: "total"}))
		}
		bar.AddSeries(ser.Name, data, so...)
	}
	return c.withOption(bar, nil)
}

func names(ss []seriesSpec) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	return out
}

// matrixSpec describes bars where each category is a KPI (a survey
// dimension) and each series one group (all respondents, then each
// respondent type), in one period.
type matrixSpec struct {
	ID, Title, Desc string
	ValueName       string
	CategoryName    string
	Unit            transform.Unit
	Period          string
	Categories      []seriesSpec // KPI and label per category
	Series          []category   // group per series; Breakdown set on each
	Lang            string
}

func matrixChart(s matrixSpec, vals values) (chart, error) {
	c := chart{ID: s.ID, Title: s.Title, Desc: s.Desc, Unit: s.Unit}
	c.Table.Head = []string{s.CategoryName}
	seriesNames := make([]string, len(s.Series))
	for i, g := range s.Series {
		seriesNames[i] = g.Label
		c.Table.Head = append(c.Table.Head, g.Label)
	}
	labels := make([]string, len(s.Categories))
	for i, cat := range s.Categories {
		labels[i] = cat.Name
		row := []string{cat.Name}
		for _, g := range s.Series {
			row = append(row, cellText(vals.get(s.Period, cat.KPI, g.Breakdown, g.Code), s.Unit, s.Lang))
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	legendRows := legendLines(seriesNames)
	c.Height = 340 + 24*legendRows
	bar := charts.NewBar()
	rot := rotation(labels)
	gap := nameGap(rot, 1)
	if rot > 0 {
		c.Height += gap - 40
	}
	global := append(common(s.Title, s.Desc),
		charts.WithGridOpts(gridBelow(legendRows, gap-40)),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: s.CategoryName, NameLocation: "middle", NameGap: gap,
			AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: rot}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: s.ValueName, Min: 0, Max: valueAxisMax(s.Unit)}))
	bar.SetGlobalOptions(global...)
	bar.SetXAxis(labels)
	for i, g := range s.Series {
		data := make([]opts.BarData, len(s.Categories))
		for j, cat := range s.Categories {
			data[j] = opts.BarData{Value: chartValue(vals.get(s.Period, cat.KPI, g.Breakdown, g.Code))}
			c.Points = append(c.Points, point{Series: i, Index: j, Period: s.Period, KPI: cat.KPI, Breakdown: g.Breakdown, Group: g.Code})
		}
		bar.AddSeries(g.Label, data, charts.WithSeriesId(g.Breakdown+":"+g.Code))
	}
	return c.withOption(bar, nil)
}

// legendLines estimates how many lines the legend under a chart takes at
// the page's narrowest chart width (about 620 px), so the plot can leave
// room for it instead of drawing under it.
func legendLines(names []string) int {
	const width = 600
	lines, used := 1, 0
	for _, n := range names {
		w := 40 + 7*len([]rune(n))
		if used > 0 && used+w > width {
			lines++
			used = 0
		}
		used += w
	}
	return lines
}

// gridFor is the plot area with room for the title above and the axis name
// and legend lines below.
func gridFor(legendRows int) opts.Grid {
	return gridBelow(legendRows, 0)
}

// gridBelow is gridFor with extra room below the category labels for the
// axis name (tilted labels push it down).
func gridBelow(legendRows, extra int) opts.Grid {
	return opts.Grid{Left: "3%", Right: "4%", Top: "70", Bottom: fmt.Sprint(40 + extra + 24*legendRows), ContainLabel: opts.Bool(true)}
}

// nameGap is the distance of a category axis name from its axis: below the
// labels, which take more room when tilted or on two lines.
func nameGap(rotate float64, lines int) int {
	if rotate > 0 {
		return 85
	}
	return 28 + 14*lines
}
