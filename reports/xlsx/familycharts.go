package xlsx

import (
	"fmt"
	"math"
	"sort"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// maxCategories is the most bars a chart shows; a longer list shows its
// top and bottom halves.
const maxCategories = 30

// maxSeries is the most lines one trend chart draws.
const maxSeries = 4

// trendCharts draws the family's headline KPIs by quarter: one chart per
// unit, and counts of different magnitude (15 beside 5 886) on charts of
// their own, so every line is readable on its axis. A preliminary quarter
// is a dashed line to a hollow marker.
func (b *book) trendCharts(cd *chartData, f *model.Family, kpis []*model.KPI) []chartSpec {
	var groups [][]*model.KPI
	byUnit := map[transform.Unit][]*model.KPI{}
	var units []transform.Unit
	for _, k := range kpis {
		var figs []model.Figure
		for _, p := range k.Trend {
			figs = append(figs, p.Figure)
		}
		if !anyValue(figs...) {
			continue
		}
		if byUnit[k.Unit] == nil {
			units = append(units, k.Unit)
		}
		byUnit[k.Unit] = append(byUnit[k.Unit], k)
	}
	// Shares lead (the family's judged figures), then days, then the rest.
	rank := map[transform.Unit]int{transform.UnitShare: 0, transform.UnitIndex: 1, transform.UnitDays: 2}
	sort.SliceStable(units, func(i, j int) bool {
		ri, ok := rank[units[i]]
		if !ok {
			ri = 9
		}
		rj, ok := rank[units[j]]
		if !ok {
			rj = 9
		}
		return ri < rj
	})
	for _, u := range units {
		ks := byUnit[u]
		if u == transform.UnitShare || u == transform.UnitIndex {
			for i := 0; i < len(ks); i += maxSeries {
				groups = append(groups, ks[i:min(len(ks), i+maxSeries)])
			}
			continue
		}
		// Magnitude buckets: a series joins a chart whose largest value is
		// at most ten times its own.
		sort.SliceStable(ks, func(i, j int) bool { return peak(ks[i]) > peak(ks[j]) })
		var cur []*model.KPI
		for _, k := range ks {
			if len(cur) > 0 && (len(cur) == maxSeries || peak(cur[0]) > 10*math.Max(peak(k), 1e-9)) {
				groups = append(groups, cur)
				cur = nil
			}
			cur = append(cur, k)
		}
		if len(cur) > 0 {
			groups = append(groups, cur)
		}
	}
	// One trend chart per family on paper: its leading KPIs (catalogue
	// order); the rest of the trend is in the table below the print area
	// and in the HTML report.
	if len(groups) > 1 {
		groups = groups[:1]
	}
	quarters := make([]string, len(b.r.Meta.Trend))
	for i, q := range b.r.Meta.Trend {
		quarters[i] = q.Label
	}
	famName := f.NameSV
	if b.lang == "en" {
		famName = f.NameEN
	}
	var out []chartSpec
	for gi, ks := range groups {
		u := ks[0].Unit
		names := make([]string, 0, 2*len(ks))
		for _, k := range ks {
			names = append(names, b.kpiName(k))
		}
		hasPrelim := false
		for _, k := range ks {
			for _, p := range k.Trend {
				hasPrelim = hasPrelim || p.Figure.Preliminary
			}
		}
		if hasPrelim {
			for _, k := range ks {
				names = append(names, b.kpiName(k)+" ("+b.w.Prel+")")
			}
		}
		title := fmt.Sprintf("%s: %s, %s–%s", famName, b.unitName(u), quarters[0], quarters[len(quarters)-1])
		if len(ks) == 1 {
			title = fmt.Sprintf("%s, %s–%s", names[0], quarters[0], quarters[len(quarters)-1])
		} else if gi > 0 && groups[gi-1][0].Unit == u {
			title += " (" + b.w.Continued + ")"
		}
		n := len(ks)
		cats, sNames, vals := cd.block(b.w.ChartData+": "+title, names, quarters, u, func(si, ci int) model.Figure {
			k := ks[si%n]
			p := k.Trend[ci].Figure
			if si < n {
				// The final line: the quarters that are not preliminary.
				if p.Preliminary {
					return model.Figure{}
				}
				return p
			}
			// The preliminary line: the preliminary quarters and the last
			// final one before them, so the dash joins the line.
			if p.Preliminary || ci+1 < len(k.Trend) && k.Trend[ci+1].Figure.Preliminary {
				return p
			}
			return model.Figure{}
		})
		c := chartSpec{kind: excelize.Line, title: title, xTitle: b.w.AxisQuarter, yTitle: b.axisTitle(u), yNumFmt: yFormat(u), legend: true}
		zero := 0.0
		c.yMin = &zero
		switch u {
		case transform.UnitShare:
			one := 1.0
			c.yMax = &one
		case transform.UnitIndex:
			hundred := 100.0
			c.yMax = &hundred
		}
		for i := range ks {
			c.series = append(c.series, lineSeries(sNames[i], cats, vals[i], i))
		}
		if hasPrelim {
			for i := range ks {
				c.series = append(c.series, prelimSeries(sNames[n+i], cats, vals[n+i], i))
			}
		}
		if len(ks) == 1 && ks[0].Target != nil {
			c.series = append(c.series, b.constSeries(cd, b.w.Target, quarters, u, *ks[0].Target, "C00000"))
		}
		out = append(out, c)
	}
	return out
}

// peak is a KPI's largest shown value over the trend.
func peak(k *model.KPI) float64 {
	m := 0.0
	for _, p := range k.Trend {
		if p.Figure.Shown() {
			m = math.Max(m, *p.Figure.Value)
		}
	}
	return m
}

// constSeries is a dashed horizontal line at v over the categories (a
// target or a reference), written as chart data like any series.
func (b *book) constSeries(cd *chartData, name string, cats []string, u transform.Unit, v float64, colour string) excelize.ChartSeries {
	catRange, names, vals := cd.block(b.w.ChartData+": "+name, []string{name}, cats, u, func(int, int) model.Figure { x := v; return model.Figure{Value: &x} })
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
	return excelize.ChartSeries{Name: names[0], Categories: catRange, Values: vals[0], Fill: fill,
		Line:   excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash, Fill: fill},
		Marker: excelize.ChartMarker{Symbol: "none"}}
}

// municipalityChart draws the period's values by municipality (county in
// a national report) for the family's first KPI with a target, else its
// first, sorted by value, best first; with the region's (nation's) value
// and the target as lines across, and a municipality report's own
// municipality in its own colour. More than maxCategories show the top and
// the bottom halves.
func (b *book) municipalityChart(cd *chartData, kpis []*model.KPI, munis []muni, groupBy string) (chartSpec, bool) {
	if len(kpis) == 0 || len(munis) == 0 {
		return chartSpec{}, false
	}
	// The family's judged figure: one with a target, else a headline one
	// of the summary, else its first share, else its first KPI.
	k := kpis[0]
	pick := func(ok func(*model.KPI) bool) bool {
		for _, c := range kpis {
			if ok(c) {
				k = c
				return true
			}
		}
		return false
	}
	_ = pick(func(c *model.KPI) bool { return c.Target != nil }) ||
		pick(func(c *model.KPI) bool { return c.Steering }) ||
		pick(func(c *model.KPI) bool { return c.Unit == transform.UnitShare })
	type bar struct {
		m muni
		f model.Figure
	}
	var bars []bar
	for _, mu := range munis {
		f := groupFigure(k, groupBy, mu.code)
		if f.Shown() {
			bars = append(bars, bar{mu, f})
		}
	}
	if len(bars) == 0 {
		return chartSpec{}, false
	}
	sort.SliceStable(bars, func(i, j int) bool {
		a, c := *bars[i].f.Value, *bars[j].f.Value
		if k.Direction == "lower" {
			return a < c
		}
		return a > c
	})
	cut := false
	if len(bars) > maxCategories {
		half := maxCategories / 2
		bars = append(bars[:half:half], bars[len(bars)-half:]...)
		cut = true
	}
	cats := make([]string, len(bars))
	own := -1
	for i, x := range bars {
		cats[i] = x.m.label
		if groupBy == "municipality" && x.m.code == b.r.Meta.Municipality {
			own = i
		}
	}
	series := []string{b.kpiName(k)}
	if own >= 0 {
		series = append(series, b.r.Meta.MunicipalityName)
	}
	title := fmt.Sprintf("%s %s, %s", b.kpiName(k), b.w.PerMunicipality, b.r.Meta.Period.Label)
	if groupBy == "region" {
		title = fmt.Sprintf("%s %s, %s", b.kpiName(k), b.w.PerCounty, b.r.Meta.Period.Label)
	}
	if cut {
		title += " – " + fmt.Sprintf(b.w.TopBottom, maxCategories/2, maxCategories/2)
	}
	catRange, names, vals := cd.block(b.w.ChartData+": "+title, series, cats, k.Unit, func(si, ci int) model.Figure {
		if si == 0 && ci != own || si == 1 && ci == own {
			return bars[ci].f
		}
		return model.Figure{}
	})
	c := chartSpec{kind: excelize.Col, title: title, xTitle: b.groupHeading(groupBy), yTitle: b.axisTitle(k.Unit), yNumFmt: yFormat(k.Unit),
		series: []excelize.ChartSeries{barSeries(names[0], catRange, vals[0], 0)}, overlap: true, legend: true}
	if own >= 0 {
		c.series = append(c.series, excelize.ChartSeries{Name: names[1], Categories: catRange, Values: vals[1],
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"ED7D31"}}})
	}
	if len(cats) > 8 {
		// Many names only fit slanted.
		c.xRotate, c.height = -45, chartHeight+40
	}
	zero := 0.0
	c.yMin = &zero
	if k.Unit == transform.UnitShare {
		one := 1.0
		c.yMax = &one
	}
	if ref := k.RegionTotal; ref.Shown() {
		label := b.w.WholeRegion
		if groupBy == "region" {
			label = b.w.Nation
		}
		c.combo = append(c.combo, b.constSeries(cd, label+" "+model.FormatNumber(*ref.Value, k.Unit, b.lang), cats, k.Unit, *ref.Value, "404040"))
	}
	if k.Target != nil {
		c.combo = append(c.combo, b.constSeries(cd, b.w.Target+" "+model.FormatNumber(*k.Target, k.Unit, b.lang), cats, k.Unit, *k.Target, "C00000"))
	}
	return c, true
}

// funnelCharts draws the funnel plot of each of the family's shares that
// the database has limits for: every municipality's share against its
// denominator, the region's share as the centre line and the 95 % and
// 99.8 % limits; the municipality of a municipality report and every
// municipality outside 99.8 % as series of their own.
func (b *book) funnelCharts(cd *chartData, f *model.Family) []chartSpec {
	var out []chartSpec
	for _, fp := range b.r.FunnelPlots {
		k := b.r.KPI(fp.KPIID)
		if k == nil || k.Family != f.ID || len(fp.Points) == 0 || len(out) > 0 {
			continue // one funnel plot per family sheet; the HTML has them all
		}
		pts := append([]model.FunnelPoint(nil), fp.Points...)
		sort.SliceStable(pts, func(i, j int) bool { return pts[i].Denominator < pts[j].Denominator })
		cats := make([]string, len(pts))
		for i, p := range pts {
			cats[i] = p.Label
		}
		names := []string{b.kpiName(k), b.w.Signal, b.w.Lower998, b.w.Lower95, b.w.Centre, b.w.Upper95, b.w.Upper998, b.w.Denominator}
		own := b.r.Meta.Municipality
		if own != "" {
			names = append(names, b.r.Meta.MunicipalityName)
		}
		num := func(x float64) model.Figure { return model.Figure{Value: &x} }
		c0 := cd.col
		_, sNames, vals := cd.block(b.w.ChartData+": "+b.w.FunnelPlot+" "+b.kpiName(k), names, cats, transform.UnitShare, func(si, ci int) model.Figure {
			p := pts[ci]
			switch si {
			case 0:
				if p.Signal || p.Code == own {
					return model.Figure{}
				}
				return num(p.Value)
			case 1:
				if p.Signal && p.Code != own {
					return num(p.Value)
				}
				return model.Figure{}
			case 2:
				return num(p.Lower998)
			case 3:
				return num(p.Lower95)
			case 4:
				return num(fp.Centre)
			case 5:
				return num(p.Upper95)
			case 6:
				return num(p.Upper998)
			case 7:
				return num(p.Denominator)
			default:
				if p.Code == own {
					return num(p.Value)
				}
				return model.Figure{}
			}
		})
		_ = c0
		xs := vals[7]
		// The limits again, each pair as one series: the lower limit, a
		// blank row and the upper limit, so the line breaks between them
		// and the legend names the pair once (excelize cannot drop a
		// single legend entry).
		n := len(pts)
		lcats := make([]string, 2*n+1)
		for i := range lcats {
			if i != n {
				lcats[i] = pts[i%(n+1)].Label
			}
		}
		_, lNames, lVals := cd.block(b.w.ChartData+": "+b.w.FunnelPlot+" "+b.kpiName(k)+", "+b.w.FunnelLimits,
			[]string{b.w.Denominator, b.w.Limits95, b.w.Limits998}, lcats, transform.UnitShare, func(si, ci int) model.Figure {
				if ci == n {
					return model.Figure{}
				}
				p, upper := pts[ci%(n+1)], ci > n
				switch {
				case si == 0:
					return num(p.Denominator)
				case si == 1 && upper:
					return num(p.Upper95)
				case si == 1:
					return num(p.Lower95)
				case upper:
					return num(p.Upper998)
				default:
					return num(p.Lower998)
				}
			})
		title := fmt.Sprintf("%s: %s %s", b.w.FunnelPlot, b.kpiName(k), fp.Period)
		yMin, yMax := funnelRange(pts)
		c := chartSpec{kind: excelize.Scatter, title: title, xTitle: b.w.Denominator, yTitle: b.axisTitle(k.Unit), yNumFmt: yFormat(k.Unit), legend: true,
			height: chartHeight + 20, yMin: &yMin, yMax: &yMax}
		point := func(i int, colour string, size int) excelize.ChartSeries {
			return excelize.ChartSeries{Name: sNames[i], Categories: xs, Values: vals[i], Line: excelize.LineOptions{Type: excelize.LineNone},
				Marker: excelize.ChartMarker{Symbol: "circle", Size: size, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}}}
		}
		line := func(name, vals string, colour string, dash excelize.LineDashType) excelize.ChartSeries {
			return excelize.ChartSeries{Name: name, Categories: lVals[0], Values: vals, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
				Line:   excelize.LineOptions{Type: excelize.LineSolid, Width: 1.5, Dash: dash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}},
				Marker: excelize.ChartMarker{Symbol: "none"}}
		}
		centre := line(sNames[4], vals[4], "262626", excelize.LineDashSolid)
		centre.Categories = xs
		c.series = []excelize.ChartSeries{
			point(0, "4472C4", 6), point(1, "C00000", 8),
			line(lNames[1], lVals[1], "A5A5A5", excelize.LineDashSysDot), line(lNames[2], lVals[2], "7F7F7F", excelize.LineDashDash),
			centre,
		}
		if own != "" {
			c.series = append(c.series, point(8, "ED7D31", 10))
		}
		out = append(out, c)
	}
	return out
}

// funnelRange is the value axis of a funnel plot: from the lowest of the
// lower 99.8 % limits and the values to the highest of the upper limits and
// the values, rounded outward to 5 % and kept within 0–100 %, so the funnel
// fills the chart instead of a band at the top of 0–100 %.
func funnelRange(pts []model.FunnelPoint) (lo, hi float64) {
	lo, hi = 1, 0
	for _, p := range pts {
		lo = min(lo, p.Lower998, p.Value)
		hi = max(hi, p.Upper998, p.Value)
	}
	const step = 0.05
	lo = max(0, math.Floor(lo/step+1e-9)*step)
	hi = min(1, math.Ceil(hi/step-1e-9)*step)
	if hi-lo < 2*step { // a flat funnel: a little room either side
		lo, hi = max(0, lo-step), min(1, hi+step)
	}
	return math.Round(lo*100) / 100, math.Round(hi*100) / 100
}

// spcCharts draws the p-chart of each of the family's shares the database
// has one for: the share by month, the centre line and the 3-sigma limits,
// months outside the limits or in a run signal marked in red, preliminary
// months as a dashed line to hollow markers.
func (b *book) spcCharts(cd *chartData, f *model.Family) []chartSpec {
	var out []chartSpec
	for _, sp := range b.r.SPC {
		k := b.r.KPI(sp.KPIID)
		if k == nil || k.Family != f.ID || len(sp.Points) == 0 || len(out) > 0 {
			continue // one control chart per family sheet; the HTML has them all
		}
		cats := make([]string, len(sp.Points))
		for i, p := range sp.Points {
			cats[i] = p.Month.Format("2006-01")
		}
		names := []string{b.kpiName(k), b.kpiName(k) + " (" + b.w.Prel + ")", b.w.SPCSignal, b.w.Centre, b.w.LCL, b.w.UCL}
		num := func(x float64) model.Figure { return model.Figure{Value: &x} }
		cats2, sNames, vals := cd.block(b.w.ChartData+": "+b.w.SPCTitle+" "+b.kpiName(k), names, cats, transform.UnitShare, func(si, ci int) model.Figure {
			p := sp.Points[ci]
			switch si {
			case 0:
				if p.Value != nil && !p.Preliminary {
					return num(*p.Value)
				}
			case 1:
				next := ci+1 < len(sp.Points) && sp.Points[ci+1].Preliminary
				if p.Value != nil && (p.Preliminary || next) {
					return num(*p.Value)
				}
			case 2:
				if p.Value != nil && (p.OutsideLimits || p.RunSignal) {
					return num(*p.Value)
				}
			case 3:
				return num(p.Centre)
			case 4:
				return num(p.LCL)
			case 5:
				return num(p.UCL)
			}
			return model.Figure{}
		})
		title := fmt.Sprintf("%s: %s %s–%s", b.w.SPCTitle, b.kpiName(k), cats[0], cats[len(cats)-1])
		c := chartSpec{kind: excelize.Line, title: title, xTitle: b.w.Month, yTitle: b.axisTitle(k.Unit), yNumFmt: yFormat(k.Unit), legend: true}
		zero, one := 0.0, 1.0
		c.yMin, c.yMax = &zero, &one
		c.xRotate = -45
		c.series = []excelize.ChartSeries{
			lineSeries(sNames[0], cats2, vals[0], 0),
			prelimSeries(sNames[1], cats2, vals[1], 0),
			{Name: sNames[2], Categories: cats2, Values: vals[2], Line: excelize.LineOptions{Type: excelize.LineNone},
				Marker: excelize.ChartMarker{Symbol: "circle", Size: 9, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}}}},
			{Name: sNames[3], Categories: cats2, Values: vals[3], Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"262626"}}, Line: excelize.LineOptions{Width: 1.5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"262626"}}}, Marker: excelize.ChartMarker{Symbol: "none"}},
			{Name: sNames[4], Categories: cats2, Values: vals[4], Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"7F7F7F"}}, Line: excelize.LineOptions{Width: 1.25, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"7F7F7F"}}}, Marker: excelize.ChartMarker{Symbol: "none"}},
			{Name: sNames[5], Categories: cats2, Values: vals[5], Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"7F7F7F"}}, Line: excelize.LineOptions{Width: 1.25, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"7F7F7F"}}}, Marker: excelize.ChartMarker{Symbol: "none"}},
		}
		out = append(out, c)
	}
	return out
}
