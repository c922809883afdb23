package html

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sipstat/sipstat/transform"
)

// chart is one figure of the page: an ECharts option built with go-echarts,
// where every drawn number came from, and the table that carries the same
// figures for screen readers and for anyone who wants the exact numbers.
type chart struct {
	ID     string         // DOM id of the chart's element
	Title  string         // also the ECharts title and the table's caption
	Desc   string         // one sentence on what is shown (aria-label)
	Unit   transform.Unit // unit of the value axis; the page script formats it
	Height int            // pixels
	// Direction is the charted KPI's ("higher"/"lower") where colours
	// follow it (heat maps).
	Direction string
	Option    json.RawMessage
	Points    []point // provenance of every drawn value, in series/data order
	Table     table
}

// point says which KPI value a chart's data item shows: series index,
// data index, and the value's key. Tests use it to check every drawn value
// against the kpi output; the page script ignores it.
type point struct {
	Series    int    `json:"series"`
	Index     int    `json:"index"`
	Period    string `json:"period"`
	KPI       string `json:"kpi"`
	Breakdown string `json:"breakdown"`
	Group     string `json:"group"`
	// Source names a non-KPI figure (data quality counts) instead of a KPI.
	Source string `json:"source,omitempty"`
	// Dim, when set, is the position of the value inside the data item's
	// value array (a box plot item holds min, Q1, median, Q3 and max).
	Dim *int `json:"dim,omitempty"`
	// Elsewhere marks a gap that stands for a value drawn by another
	// series of the chart (a trend's preliminary quarters are drawn by its
	// dashed "prel." series, so the final line has a gap there).
	Elsewhere bool `json:"elsewhere,omitempty"`
	// Scope names the municipality whose own scope (transform's
	// municipality scope) the value comes from; "" for kpi_values.
	Scope string `json:"scope,omitempty"`
	// Field names the part of the KPI value drawn when it is not the value
	// itself ("denominator": a funnel plot's x).
	Field string `json:"field,omitempty"`
}

// table is the text alternative of a chart.
type table struct {
	Head []string
	Rows [][]string
}

// palette has colours whose lightness differs step by step, so series stay
// apart in grey-scale print; bars also get ECharts' decal patterns and
// lines distinct dash styles and symbols.
var palette = []string{"#1b3a6b", "#e59a2f", "#5f5f5f", "#8fb8de", "#7a1f5c", "#c8c8c8", "#2e7d4f"}

var (
	lineDashes  = []string{"solid", "dashed", "dotted"}
	lineSymbols = []string{"circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect"}
)

// key identifies one KPI value.
type key struct{ period, kpi, breakdown, group string }

// values indexes KPI values by key for the chart builders.
type values map[key]*transform.Value

func indexValues(vs []transform.Value) values {
	m := make(values, len(vs))
	for i := range vs {
		v := &vs[i]
		m[key{v.Period, v.KPIID, v.Breakdown, v.Group}] = v
	}
	return m
}

func (m values) get(period, kpi, breakdown, group string) *transform.Value {
	return m[key{period, kpi, breakdown, group}]
}

// groups lists the groups of one breakdown that have a value for any of
// the KPIs in any of the periods, ordered by label.
func (m values) groups(breakdown string, kpis []string, periods []string) []category {
	want := map[string]bool{}
	for _, k := range kpis {
		want[k] = true
	}
	inPeriod := map[string]bool{}
	for _, p := range periods {
		inPeriod[p] = true
	}
	seen := map[string]string{}
	for k, v := range m {
		if k.breakdown == breakdown && want[k.kpi] && inPeriod[k.period] {
			seen[k.group] = v.GroupLabel
		}
	}
	out := make([]category, 0, len(seen))
	for code, label := range seen {
		if label == "" {
			label = code
		}
		out = append(out, category{Code: code, Label: label})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Label != out[j].Label {
			return out[i].Label < out[j].Label
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// category is one position on a category axis.
type category struct {
	Code  string // group code or period label
	Label string // what the axis shows
	// Breakdown, when set, overrides the chart's breakdown for this
	// category (the report's own total beside the groups of a breakdown).
	Breakdown string
}

func (c category) breakdown(def string) string {
	if c.Breakdown != "" {
		return c.Breakdown
	}
	return def
}

// seriesSpec is one series of a chart: a KPI and the name shown for it.
type seriesSpec struct {
	KPI  string
	Name string
}

// echartsOption is a go-echarts chart.
type echartsOption interface {
	Validate()
	JSON() map[string]any
}

// withOption returns c with o's option (encodeOption), an error naming the
// chart.
func (c chart) withOption(o echartsOption, adjust func(map[string]any)) (chart, error) {
	enc, err := encodeOption(o, adjust)
	if err != nil {
		return chart{}, fmt.Errorf("chart %s: %w", c.ID, err)
	}
	c.Option = enc
	return c, nil
}

// encodeOption validates a go-echarts chart, lets the caller adjust the
// option map where go-echarts has no field for an ECharts setting, and
// marshals it. encoding/json refuses NaN and ±Inf, so a value that slipped
// past chartValue fails the report instead of drawing a blank chart.
func encodeOption(c echartsOption, adjust func(map[string]any)) (json.RawMessage, error) {
	c.Validate()
	m := c.JSON()
	// The page does not use go-echarts' page template, so the preset CDN
	// asset list never reaches the HTML; it is dropped here for clarity.
	delete(m, "toolbox")
	if adjust != nil {
		adjust(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode chart option: %w", err)
	}
	return b, nil
}

// common are the options every chart gets: no animation (a static page,
// and a screenshot must show the final state), a title, a tooltip, a legend
// under the plot, the grey-scale-safe palette and ECharts' accessibility
// description and decal patterns.
func common(title, subtitle string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithInitializationOpts(opts.Initialization{Width: "100%", Height: "360px", Theme: "white", Renderer: "canvas"}),
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "left",
			TitleStyle: &opts.TextStyle{FontSize: 15, Color: "#111"}, SubtitleStyle: &opts.TextStyle{Color: "#444"}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", TextStyle: &opts.TextStyle{Color: "#222"}}),
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Decal: &opts.AriaDecal{Show: opts.Bool(true)}}),
		charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "70", Bottom: "60", ContainLabel: opts.Bool(true)}),
	}
}

// valueAxisMax fixes a share axis to 0…100 % and an index axis to 0…100,
// so quarters and charts compare at a glance; other units start at zero and
// grow with the data.
func valueAxisMax(unit transform.Unit) any {
	switch unit {
	case transform.UnitShare:
		return 1
	case transform.UnitIndex:
		return 100
	}
	return nil
}

// targetLine marks a KPI's target on the value axis.
func targetLine(target *float64, unit transform.Unit, horizontal bool, lang string) []charts.SeriesOpts {
	if target == nil || !finite(target) {
		return nil
	}
	label := tr(lang, "Mål", "Target") + " " + formatNumber(*target, unit, lang)
	return markLine(*target, label, "dashed", "#b00020", "insideEndTop", horizontal)
}

// markLine draws a labelled level across the value axis (on horizontal
// bars, a vertical line at that x) in the given dash and colour.
func markLine(level float64, label, dash, colour, position string, horizontal bool) []charts.SeriesOpts {
	style := charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		LineStyle: &opts.LineStyle{Type: dash, Color: colour, Width: 2},
		Label:     &opts.Label{Show: opts.Bool(true), Formatter: label, Position: position, Color: colour},
	})
	if horizontal {
		return []charts.SeriesOpts{charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{Name: label, XAxis: level}), style}
	}
	return []charts.SeriesOpts{charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: label, YAxis: level}), style}
}

func tr(lang, sv, en string) string {
	if lang == "en" {
		return en
	}
	return sv
}

// referenceLine marks a reference level that is not a target (the 21 days
// beside the median lead time; the region's value beside municipalities).
func referenceLine(ref *float64, unit transform.Unit, horizontal bool, lang string, name ...string) []charts.SeriesOpts {
	if ref == nil || !finite(ref) {
		return nil
	}
	label := tr(lang, "Referens", "Reference")
	if len(name) > 0 {
		label = name[0]
	}
	label += " " + formatNumber(*ref, unit, lang)
	return markLine(*ref, label, "dotted", "#404040", "insideEndBottom", horizontal)
}
