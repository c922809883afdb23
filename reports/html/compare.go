package html

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// compareSection draws the funnel plots of the headline shares by
// municipality and the monthly control charts (SPC) of the key shares, from
// kpi_funnel and kpi_spc: the comparisons that say whether a difference or
// a change is beyond chance.
func (b *builder) compareSection() (section, error) {
	s := section{ID: "jamforelser", Title: tr(b.lang, "Skillnader och förändringar utöver slumpen", "Differences and changes beyond chance"),
		Intro: tr(b.lang, "Trattdiagram: varje kommuns andel mot antalet i underlaget, med regionens andel som mittlinje och gränser för slumpens variation (95 % och 99,8 %); en kommun utanför 99,8 %-gränsen skiljer sig från regionen utöver slumpen. Styrdiagram: andelen per månad med mittlinje och styrgränser (p-diagram); röda punkter är signaler (utanför gränserna eller en ovanligt lång serie på ena sidan, Anhøjs regler).",
			"Funnel plots: each municipality's share against the units behind it, with the region's share as the centre line and limits of random variation (95 % and 99.8 %); a municipality outside 99.8 % differs from the region beyond chance. Control charts: the share by month with its centre line and control limits (p-chart); red points are signals (outside the limits or an unusually long run on one side, Anhøj's rules).")}
	for _, fp := range b.r.FunnelPlots {
		k := b.kpi(fp.KPIID)
		if k == nil || len(fp.Points) == 0 {
			continue
		}
		c, err := b.funnelPlot(fp, k)
		caption := tr(b.lang, "Blå punkter: kommuner inom gränserna; röda: utanför 99,8 %-gränsen. Kommuner med för få (..) visas inte.",
			"Blue points: municipalities within the limits; red: outside the 99.8 % limit. Municipalities with too few (..) are not shown.")
		if b.r.Meta.Municipality != "" {
			caption += " " + fmt.Sprintf(tr(b.lang, "%s är den orange punkten.", "%s is the orange point."), b.r.Meta.MunicipalityName)
		}
		if err := b.add(&s, c, err, caption); err != nil {
			return s, err
		}
	}
	for _, sp := range b.r.SPC {
		k := b.kpi(sp.KPIID)
		if k == nil || len(sp.Points) == 0 {
			continue
		}
		c, err := b.spcChart(sp, k)
		caption := b.ownFigures() + " " + tr(b.lang, "Ofyllda punkter och streckad linje: preliminära månader (ingår inte i mittlinjen och ger inga signaler). Luckor: för få (..).",
			"Hollow points and a dashed line: preliminary months (left out of the centre line, never a signal). Gaps: too few (..).")
		if err := b.add(&s, c, err, caption); err != nil {
			return s, err
		}
	}
	return s, nil
}

func (b *builder) funnelPlot(fp model.FunnelPlot, k *model.KPI) (chart, error) {
	pts := append([]model.FunnelPoint(nil), fp.Points...)
	sort.SliceStable(pts, func(i, j int) bool { return pts[i].Denominator < pts[j].Denominator })
	id := "chart-funnel-" + fp.KPIID
	title := fmt.Sprintf(tr(b.lang, "Trattdiagram: %s per kommun", "Funnel plot: %s by municipality"), b.name(k))
	desc := fmt.Sprintf(tr(b.lang, "Andel mot antal i underlaget, %s; mittlinje = regionens andel %s", "Share against the units behind it, %s; centre = the region's share %s"),
		fp.Period, formatNumber(fp.Centre, transform.UnitShare, b.lang))
	c := chart{ID: id, Title: title, Desc: desc, Unit: transform.UnitShare, Height: 420}
	c.Table.Head = []string{tr(b.lang, "Kommun", "Municipality"), tr(b.lang, "Andel", "Share"), tr(b.lang, "Underlag", "Basis"),
		tr(b.lang, "95 %-gränser", "95 % limits"), tr(b.lang, "99,8 %-gränser", "99.8 % limits"), tr(b.lang, "Signal", "Signal")}
	var within, outside, own []opts.ScatterData
	for _, p := range pts {
		sig := ""
		if p.Signal {
			sig = tr(b.lang, "utanför 99,8 %", "outside 99.8 %")
		}
		c.Table.Rows = append(c.Table.Rows, []string{p.Label, formatNumber(p.Value, transform.UnitShare, b.lang),
			fmt.Sprintf(tr(b.lang, "%s av %s", "%s of %s"), formatNumber(p.Numerator, transform.UnitCount, b.lang), formatNumber(p.Denominator, transform.UnitCount, b.lang)),
			formatNumber(p.Lower95, transform.UnitShare, b.lang) + "–" + formatNumber(p.Upper95, transform.UnitShare, b.lang),
			formatNumber(p.Lower998, transform.UnitShare, b.lang) + "–" + formatNumber(p.Upper998, transform.UnitShare, b.lang), sig})
		d := opts.ScatterData{Name: p.Label, Value: []any{p.Denominator, p.Value}}
		switch {
		case p.Code == b.r.Meta.Municipality:
			c.Points = append(c.Points, point{Series: 2, Index: len(own), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(0), Field: "denominator"},
				point{Series: 2, Index: len(own), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(1)})
			own = append(own, d)
		case p.Signal:
			c.Points = append(c.Points, point{Series: 1, Index: len(outside), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(0), Field: "denominator"},
				point{Series: 1, Index: len(outside), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(1)})
			outside = append(outside, d)
		default:
			c.Points = append(c.Points, point{Series: 0, Index: len(within), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(0), Field: "denominator"},
				point{Series: 0, Index: len(within), Period: fp.Period, KPI: fp.KPIID, Breakdown: "municipality", Group: p.Code, Dim: intp(1)})
			within = append(within, d)
		}
	}
	sc := charts.NewScatter()
	sc.SetGlobalOptions(append(common(title, desc),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(gridFor(2)),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: tr(b.lang, "Antal i underlaget (nämnare)", "Units behind the share (denominator)"), NameLocation: "middle", NameGap: 28, Min: 0}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: b.unitAxis(transform.UnitShare), Min: 0, Max: 1}))...)
	sc.AddSeries(tr(b.lang, "Inom gränserna", "Within the limits"), within, charts.WithSeriesId("within"),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#1b3a6b"}))
	sc.AddSeries(tr(b.lang, "Utanför 99,8 %", "Outside 99.8 %"), outside, charts.WithSeriesId("outside"),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#c00000"}))
	ownName := b.r.Meta.MunicipalityName
	if ownName == "" {
		ownName = "-"
	}
	sc.AddSeries(ownName, own, charts.WithSeriesId("own"),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#e59a2f", BorderColor: "#111", BorderWidth: 1}))
	limit := func(name string, dash string, colour string, f func(p model.FunnelPoint) float64) map[string]any {
		var data [][2]float64
		for _, p := range pts {
			data = append(data, [2]float64{p.Denominator, f(p)})
		}
		return map[string]any{"type": "line", "name": name, "data": data, "showSymbol": false, "silent": true,
			"lineStyle": map[string]any{"type": dash, "color": colour, "width": 1.5}, "itemStyle": map[string]any{"color": colour}, "z": 1}
	}
	return c.withOption(sc, func(m map[string]any) {
		series := seriesOf(m)
		for _, x := range series {
			if ss, ok := x.(map[string]any); ok {
				ss["symbolSize"] = 9
			}
		}
		series = append(series,
			limit(tr(b.lang, "99,8 %-gräns", "99.8 % limit"), "dashed", "#7f7f7f", func(p model.FunnelPoint) float64 { return p.Lower998 }),
			limit(tr(b.lang, "95 %-gräns", "95 % limit"), "dotted", "#a5a5a5", func(p model.FunnelPoint) float64 { return p.Lower95 }),
			limit(tr(b.lang, "Regionens andel", "Region's share"), "solid", "#262626", func(model.FunnelPoint) float64 { return fp.Centre }),
			limit(tr(b.lang, "95 %-gräns", "95 % limit"), "dotted", "#a5a5a5", func(p model.FunnelPoint) float64 { return p.Upper95 }),
			limit(tr(b.lang, "99,8 %-gräns", "99.8 % limit"), "dashed", "#7f7f7f", func(p model.FunnelPoint) float64 { return p.Upper998 }),
		)
		m["series"] = series
		// The x axis counts units; the page script formats it as counts.
		if xs := seriesOfKey(m, "xAxis"); len(xs) > 0 {
			if ax, ok := xs[0].(map[string]any); ok {
				ax["unit"] = "count"
			}
			m["xAxis"] = xs
		}
	})
}

func intp(i int) *int { return &i }

func (b *builder) spcChart(sp model.SPCChart, k *model.KPI) (chart, error) {
	id := "chart-spc-" + sp.KPIID
	months := make([]string, len(sp.Points))
	for i, p := range sp.Points {
		months[i] = p.Month.Format("2006-01")
	}
	title := fmt.Sprintf(tr(b.lang, "Styrdiagram: %s per månad", "Control chart: %s by month"), b.name(k))
	desc := fmt.Sprintf(tr(b.lang, "p-diagram med mittlinje och styrgränser, %s–%s", "p-chart with centre line and control limits, %s–%s"), months[0], months[len(months)-1])
	c := chart{ID: id, Title: title, Desc: desc, Unit: transform.UnitShare, Height: 400}
	c.Table.Head = []string{tr(b.lang, "Månad", "Month"), tr(b.lang, "Andel", "Share"), tr(b.lang, "Underlag", "Basis"),
		tr(b.lang, "Mittlinje", "Centre"), tr(b.lang, "Styrgränser", "Control limits"), tr(b.lang, "Signal", "Signal")}
	final := make([]opts.LineData, len(months))
	prel := make([]opts.LineData, len(months))
	signal := make([]opts.LineData, len(months))
	var centre, lcl, ucl []any
	for i, p := range sp.Points {
		v := any(markMissing)
		text := markMissing
		if p.Suppressed {
			text = markSuppressed
		}
		if p.Value != nil {
			v = *p.Value
			text = formatNumber(*p.Value, transform.UnitShare, b.lang)
		}
		sig := ""
		switch {
		case p.OutsideLimits:
			sig = tr(b.lang, "utanför gränserna", "outside the limits")
		case p.RunSignal:
			sig = tr(b.lang, "serie", "run")
		}
		if p.Preliminary {
			text += " prel."
		}
		basis := ""
		if p.Value != nil {
			basis = fmt.Sprintf(tr(b.lang, "%s av %s", "%s of %s"), formatNumber(p.Numerator, transform.UnitCount, b.lang), formatNumber(p.Denominator, transform.UnitCount, b.lang))
		}
		c.Table.Rows = append(c.Table.Rows, []string{months[i], text, basis, formatNumber(p.Centre, transform.UnitShare, b.lang),
			formatNumber(p.LCL, transform.UnitShare, b.lang) + "–" + formatNumber(p.UCL, transform.UnitShare, b.lang), sig})
		final[i], prel[i], signal[i] = opts.LineData{Value: markMissing}, opts.LineData{Value: markMissing}, opts.LineData{Value: markMissing}
		nextPrel := i+1 < len(sp.Points) && sp.Points[i+1].Preliminary
		if !p.Preliminary {
			final[i] = opts.LineData{Value: v}
		}
		if p.Preliminary || nextPrel {
			prel[i] = opts.LineData{Value: v}
			if !p.Preliminary {
				prel[i].Symbol = "none"
			}
		}
		if p.Value != nil && (p.OutsideLimits || p.RunSignal) {
			signal[i] = opts.LineData{Value: v}
		}
		centre, lcl, ucl = append(centre, p.Centre), append(lcl, p.LCL), append(ucl, p.UCL)
	}
	ln := charts.NewLine()
	ln.SetGlobalOptions(append(common(title, desc),
		charts.WithGridOpts(gridBelow(2, 30)),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: tr(b.lang, "Månad", "Month"), NameLocation: "middle", NameGap: 58,
			AxisLabel: &opts.AxisLabel{Rotate: 45}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: b.unitAxis(transform.UnitShare), Min: 0, Max: 1}))...)
	ln.SetXAxis(months)
	ln.AddSeries(b.name(k), final, charts.WithSeriesId("value"),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2.5, Color: palette[0]}), charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0]}))
	ln.AddSeries(b.name(k)+" (prel.)", prel, charts.WithSeriesId("prel"),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "emptyCircle", SymbolSize: 9, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: "dashed", Color: palette[0]}), charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0]}))
	ln.AddSeries(tr(b.lang, "Signal", "Signal"), signal, charts.WithSeriesId("signal"),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 13, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 0, Opacity: opts.Float(0)}), charts.WithItemStyleOpts(opts.ItemStyle{Color: "#c00000"}))
	// Every item of the three data series has a point; a gap that stands
	// for a value drawn by another series is marked Elsewhere.
	for i, p := range sp.Points {
		nextPrel := i+1 < len(sp.Points) && sp.Points[i+1].Preliminary
		c.Points = append(c.Points,
			point{Series: 0, Index: i, Source: "kpi_spc", KPI: sp.KPIID, Period: months[i], Elsewhere: p.Preliminary},
			point{Series: 1, Index: i, Source: "kpi_spc", KPI: sp.KPIID, Period: months[i], Elsewhere: !p.Preliminary && !nextPrel},
			point{Series: 2, Index: i, Source: "kpi_spc", KPI: sp.KPIID, Period: months[i], Elsewhere: !p.OutsideLimits && !p.RunSignal})
	}
	return c.withOption(ln, func(m map[string]any) {
		series := seriesOf(m)
		line := func(name, dash, colour string, data []any) map[string]any {
			return map[string]any{"type": "line", "name": name, "data": data, "showSymbol": false, "silent": true, "step": "middle",
				"lineStyle": map[string]any{"type": dash, "color": colour, "width": 1.5}, "itemStyle": map[string]any{"color": colour}}
		}
		series = append(series,
			line(tr(b.lang, "Mittlinje", "Centre line"), "solid", "#262626", centre),
			line(tr(b.lang, "Styrgräns", "Control limit"), "dashed", "#7f7f7f", lcl),
			line(tr(b.lang, "Styrgräns", "Control limit"), "dashed", "#7f7f7f", ucl))
		m["series"] = series
	})
}

// seriesOf returns an option's series as plain JSON values, so series that
// go-echarts has no type for can be appended.
func seriesOf(m map[string]any) []any { return seriesOfKey(m, "series") }

// seriesOfKey returns an option's entry (a list) as plain JSON values.
func seriesOfKey(m map[string]any, key string) []any {
	b, err := json.Marshal(m[key])
	if err != nil {
		return nil
	}
	var out []any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil
	}
	return out
}
