package xlsx

import (
	"github.com/xuri/excelize/v2"
)

// Chart sizes in pixels and how many rows one chart takes on a sheet.
const (
	chartWidth   = 640
	chartHeight  = 320
	chartRowStep = 18
)

func richTitle(text string, size float64) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
		Text: text, Font: &excelize.Font{Bold: true, Size: size, Color: "262626", Family: "Calibri"},
	}}}
}

// axisFont is darker than excelize's pale default so axis labels stay
// readable when printed.
var axisFont = excelize.Font{Color: "404040", Size: 9, Family: "Calibri"}

type chartSpec struct {
	kind          excelize.ChartType
	title         string
	xTitle        string
	yTitle        string
	yNumFmt       string
	yMin, yMax    *float64
	xRotate       int // category label rotation in degrees (-90…90)
	series        []excelize.ChartSeries
	legend        bool
	combo         []excelize.ChartSeries // drawn as a line over the bars (targets)
	height, width uint
	overlap       bool // bars of the series on top of each other (a highlighted bar)
}

func (s *sheet) chart(anchor string, c chartSpec) {
	if len(c.series) == 0 {
		return
	}
	no := false
	legend := excelize.ChartLegend{Position: "none"}
	if c.legend || len(c.series)+len(c.combo) > 1 {
		legend = excelize.ChartLegend{Position: "bottom", Font: &axisFont}
	}
	w, h := c.width, c.height
	if w == 0 {
		w = chartWidth
	}
	if h == 0 {
		h = chartHeight
	}
	gap := uint(60)
	ch := &excelize.Chart{
		Type:       c.kind,
		Series:     c.series,
		Title:      richTitle(c.title, 12),
		Legend:     legend,
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: w, Height: h},
		Format:     excelize.GraphicOptions{OffsetX: 8, OffsetY: 4, Positioning: "oneCell"},
		XAxis:      excelize.ChartAxis{Font: axisFont, Title: axisTitle(c.xTitle), Alignment: excelize.Alignment{TextRotation: c.xRotate}},
		YAxis: excelize.ChartAxis{Font: axisFont, Title: axisTitle(c.yTitle), MajorGridLines: true,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: c.yNumFmt}, Minimum: c.yMin, Maximum: c.yMax},
		ShowBlanksAs: "gap",
	}
	if c.kind != excelize.Line && c.kind != excelize.Scatter {
		ch.GapWidth = &gap
	}
	if c.kind == excelize.ColStacked || c.kind == excelize.BarStacked || c.overlap {
		overlap := 100
		ch.Overlap = &overlap
	}
	var combos []*excelize.Chart
	if len(c.combo) > 0 {
		// The line shares the bars' axes; excelize takes the value axis's
		// format from the combo chart too, so repeat it.
		combos = append(combos, &excelize.Chart{Type: excelize.Line, Series: c.combo, VaryColors: &no,
			XAxis: ch.XAxis, YAxis: ch.YAxis})
	}
	s.fail(s.b.f.AddChart(s.name, anchor, ch, combos...))
	s.charts++
}

func axisTitle(t string) excelize.ChartTitle {
	if t == "" {
		return excelize.ChartTitle{}
	}
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t, Font: &excelize.Font{Size: 9, Color: "404040", Family: "Calibri"}}}}
}

// palette colours series in a fixed order, so the same KPI keeps its colour
// across charts.
var palette = []string{"4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"}

func seriesFill(i int) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{palette[i%len(palette)]}}
}

func lineSeries(name, cats, vals string, i int) excelize.ChartSeries {
	// excelize colours a line from the series' Fill, not its Line.Fill.
	return excelize.ChartSeries{Name: name, Categories: cats, Values: vals, Fill: seriesFill(i),
		Line:   excelize.LineOptions{Width: 2.25, Fill: seriesFill(i)},
		Marker: excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: seriesFill(i)}}
}

func barSeries(name, cats, vals string, i int) excelize.ChartSeries {
	return excelize.ChartSeries{Name: name, Categories: cats, Values: vals, Fill: seriesFill(i)}
}

// prelimSeries is the preliminary part of a trend: a dashed line to hollow
// markers.
func prelimSeries(name, cats, vals string, i int) excelize.ChartSeries {
	return excelize.ChartSeries{Name: name, Categories: cats, Values: vals, Fill: seriesFill(i),
		Line: excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash, Fill: seriesFill(i)},
		Marker: excelize.ChartMarker{Symbol: "circle", Size: 7, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFFFF"}},
			Border: excelize.LineOptions{Width: 1.5, Fill: seriesFill(i)}}}
}
