package xlsx

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// Family sheet layout: the municipality comparison table at the top (frozen
// header), then the KPI overview, the trend, the other breakdowns and the
// family's own matrices; charts to the right; chart data at the bottom.
const famHeader = 4

func (b *book) family(f *model.Family) error {
	name := familySheet(*f, b.lang)
	s, err := b.newSheet(name)
	if err != nil {
		return err
	}
	m := b.r.Meta
	famName := f.NameSV
	if b.lang == "en" {
		famName = f.NameEN
	}
	s.str(1, 1, fmt.Sprintf("%s – %s – %s", famName, m.Period.Label, m.Scope()), b.title)
	s.str(1, 2, fmt.Sprintf(`%s %s. ".." = %s, "-" = %s.`, b.w.Comparison, m.Period.Label, b.w.MarkSuppressed, b.w.MarkNoData), b.subtitle)

	// The municipality comparison: KPIs that the catalogue breaks down by
	// municipality, one column each.
	// The comparison, trend and charts show the headline KPIs; the overview
	// lists every KPI, the breakdowns all but the audit's per-question ones.
	var headline, broken []*model.KPI
	for _, k := range f.KPIs {
		if k.Headline {
			headline = append(headline, k)
		}
		if k.Headline || !strings.HasPrefix(k.ID, "survey_") {
			broken = append(broken, k)
		}
	}
	var muniKPIs []*model.KPI
	for _, k := range headline {
		if k.Breakdown("municipality") != nil {
			muniKPIs = append(muniKPIs, k)
		}
	}
	munis := municipalities(muniKPIs)
	row := famHeader
	hdr := []string{b.w.Code, b.w.Municipality}
	for _, k := range muniKPIs {
		hdr = append(hdr, b.kpiName(k))
	}
	s.headers(1, row, hdr...)
	s.fail(b.f.SetRowHeight(name, row, 48))
	for _, mu := range munis {
		row++
		bold := mu.code == m.Municipality
		s.str(1, row, mu.code, b.text)
		st := b.text
		if bold {
			st = b.textBold
		}
		s.str(2, row, mu.label, st)
		for j, k := range muniKPIs {
			s.figure(3+j, row, groupFigure(k, "municipality", mu.code), k.Unit, bold)
		}
	}
	muniLast := row
	s.table(tableName("kommuner", f.ID), 1, famHeader, max(2, 2+len(muniKPIs)), muniLast)
	if len(munis) > 0 {
		row++
		s.str(2, row, b.w.WholeRegion, b.textBold)
		for j, k := range muniKPIs {
			s.figure(3+j, row, k.RegionTotal, k.Unit, true)
		}
		row++
		s.str(2, row, b.w.Target, b.text)
		for j, k := range muniKPIs {
			s.target(3+j, row, k)
		}
	}
	lastCol := max(8, 2+len(muniKPIs))

	// The KPI overview.
	row += 2
	s.str(1, row, b.w.KPI, b.textBold)
	row++
	overviewHeader := row
	s.headers(1, row, b.w.KPI, b.w.Unit, b.w.Value+" "+m.Period.Label, b.w.Previous, b.w.YearAgo, b.w.Target, b.w.Status)
	s.fail(b.f.SetRowHeight(name, row, 32))
	for _, k := range f.KPIs {
		row++
		s.str(1, row, b.kpiName(k), b.text)
		s.str(2, row, b.unitName(k.Unit), b.text)
		s.figure(3, row, k.Current, k.Unit, true)
		s.figure(4, row, k.Previous, k.Unit, false)
		s.figure(5, row, k.YearAgo, k.Unit, false)
		s.target(6, row, k)
		s.str(7, row, b.statusText(k.Status), b.statusStyle(k.Status))
	}
	s.table(tableName("nyckeltal", f.ID), 1, overviewHeader, 7, row)

	// The trend, as shown (with marks).
	row += 2
	s.str(1, row, b.w.TrendTitle, b.textBold)
	row++
	hdr = []string{b.w.Quarter}
	for _, k := range headline {
		hdr = append(hdr, b.kpiName(k))
	}
	s.headers(1, row, hdr...)
	s.fail(b.f.SetRowHeight(name, row, 48))
	for qi, q := range m.Trend {
		row++
		s.str(1, row, q.Label, b.text)
		for j, k := range headline {
			s.figure(2+j, row, k.Trend[qi].Figure, k.Unit, false)
		}
	}
	lastCol = max(lastCol, 1+len(headline))

	// The other breakdowns of the period.
	var hasOther bool
	for _, k := range broken {
		for _, br := range k.Breakdowns {
			// The municipalities are the table above; a region breakdown of
			// a one-region database only repeats the total.
			if br.Name == "municipality" || br.Name == "region" && len(br.Groups) < 2 {
				continue
			}
			if !hasOther {
				row += 2
				s.str(1, row, b.w.Breakdowns+" "+m.Period.Label, b.textBold)
				hasOther = true
			}
			row += 2
			s.str(1, row, b.kpiName(k)+" – "+br.Label, b.textBold)
			row++
			s.headers(1, row, br.Label, b.w.Value)
			for _, g := range br.Groups {
				row++
				s.str(1, row, g.Label, b.text)
				s.figure(2, row, g.Figure, k.Unit, false)
			}
		}
	}

	// The family's own matrices.
	var matrices []*model.Matrix
	switch f.ID {
	case "attendance":
		matrices = []*model.Matrix{&b.r.Attendance, &b.r.Absence}
	case "goals":
		matrices = []*model.Matrix{&b.r.GoalsByQuarter, &b.r.GoalsByMunicipality}
	case "deviations":
		matrices = []*model.Matrix{&b.r.Deviations}
	case "user_audit", "survey":
		matrices = []*model.Matrix{&b.r.Survey}
	}
	for _, mx := range matrices {
		if len(mx.Rows) == 0 {
			continue
		}
		row += 2
		var width int
		row, width = b.matrix(s, row, mx)
		lastCol = max(lastCol, width)
	}

	// Charts go to the right of everything, their data below everything.
	cd := &chartData{s: s, row: row + 3}
	s.str(1, cd.row-1, b.w.ChartDataNote, b.subtitle)
	anchorCol := lastCol + 2
	next := func() string {
		a := cell(anchorCol, famHeader+s.charts*chartRowStep)
		return a
	}
	for _, c := range b.trendCharts(cd, f, headline) {
		s.chart(next(), c)
	}
	if c, ok := b.municipalityChart(cd, muniKPIs, munis); ok {
		s.chart(next(), c)
	}
	for _, mx := range matrices {
		for _, c := range b.matrixCharts(cd, f.ID, mx) {
			s.chart(next(), c)
		}
	}

	widths := []float64{52, 22}
	for range max(lastCol-2, 0) {
		widths = append(widths, 15)
	}
	s.widths(widths...)
	s.freeze(3, famHeader+1)
	s.print()
	return s.err
}

type muni struct{ code, label string }

// municipalities lists every municipality any of the KPIs has a group for,
// by kommunkod.
func municipalities(kpis []*model.KPI) []muni {
	seen := map[string]string{}
	for _, k := range kpis {
		for _, g := range k.Breakdown("municipality").Groups {
			seen[g.Code] = g.Label
		}
	}
	out := make([]muni, 0, len(seen))
	for c, l := range seen {
		out = append(out, muni{c, l})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out
}

func groupFigure(k *model.KPI, breakdown, code string) model.Figure {
	if br := k.Breakdown(breakdown); br != nil {
		for _, g := range br.Groups {
			if g.Code == code {
				return g.Figure
			}
		}
	}
	return model.Figure{NoData: true}
}

// maxMatrixColumns is the widest matrix written as it is; a wider one (goal
// attainment by municipality) is written transposed so it fits a page.
const maxMatrixColumns = 12

// matrix writes a matrix as a table with a colour scale (a heat map for
// shares) and returns the next free row and the columns it used.
func (b *book) matrix(s *sheet, row int, mx *model.Matrix) (int, int) {
	title := mx.TitleSV
	if b.lang == "en" {
		title = mx.TitleEN
	}
	s.str(1, row, title, b.textBold)
	row++
	header := row
	// cells[i][j] is row i, column j of what is written.
	var heads, labels []string
	var cells [][]model.Figure
	if len(mx.Columns) <= maxMatrixColumns {
		heads = append([]string{mx.RowHeading}, mx.Columns...)
		for _, r := range mx.Rows {
			labels = append(labels, r.Label)
			cells = append(cells, r.Cells)
		}
	} else {
		heads = []string{mx.ColumnHeading}
		for _, r := range mx.Rows {
			heads = append(heads, r.Label)
		}
		for j, c := range mx.Columns {
			labels = append(labels, c)
			line := make([]model.Figure, len(mx.Rows))
			for i, r := range mx.Rows {
				line[i] = r.Cells[j]
			}
			cells = append(cells, line)
		}
	}
	s.headers(1, row, heads...)
	for i, l := range labels {
		row++
		s.str(1, row, l, b.text)
		for j, c := range cells[i] {
			s.figure(2+j, row, c, mx.Unit, false)
		}
	}
	if row > header && len(heads) > 1 && mx.Unit == transform.UnitShare && mx != &b.r.GoalsByMunicipality && mx != &b.r.GoalsByQuarter {
		rng := cell(2, header+1) + ":" + cell(len(heads), row)
		s.fail(b.f.SetConditionalFormat(s.name, rng, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MaxType: "max",
			MidValue: "50", MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B",
		}}))
	}
	return row, len(heads)
}

// chartData writes the numbers charts plot, below the sheet's tables: the
// same figures, with suppressed and missing ones left empty.
type chartData struct {
	s   *sheet
	row int
}

// block writes categories in column 1 and one column per series, returning
// the category and per-series value ranges.
func (cd *chartData) block(title string, seriesNames []string, cats []string, unit transform.Unit, value func(series, cat int) model.Figure) (string, []string, []string) {
	s := cd.s
	s.str(1, cd.row, title, s.b.subtitle)
	head := cd.row + 1
	s.str(1, head, s.b.w.Group, s.b.subtitle)
	for j, n := range seriesNames {
		s.str(2+j, head, n, s.b.subtitle)
	}
	for i, c := range cats {
		s.str(1, head+1+i, c, s.b.text)
		for j := range seriesNames {
			s.chartValue(2+j, head+1+i, value(j, i), unit)
		}
	}
	catRange := absRange(s.name, 1, head+1, 1, head+len(cats))
	var vals, names []string
	for j := range seriesNames {
		vals = append(vals, absRange(s.name, 2+j, head+1, 2+j, head+len(cats)))
		names = append(names, abs(s.name, 2+j, head))
	}
	cd.row = head + len(cats) + 2
	return catRange, names, vals
}

func anyValue(figs ...model.Figure) bool {
	for _, f := range figs {
		if f.Value != nil && !f.Suppressed {
			return true
		}
	}
	return false
}

// trendCharts draws one line chart per unit among the family's KPIs: the 8
// quarters of every KPI of that unit that has at least one shown value.
func (b *book) trendCharts(cd *chartData, f *model.Family, kpis []*model.KPI) []chartSpec {
	var units []transform.Unit
	byUnit := map[transform.Unit][]*model.KPI{}
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
	var out []chartSpec
	quarters := make([]string, len(b.r.Meta.Trend))
	for i, q := range b.r.Meta.Trend {
		quarters[i] = q.Label
	}
	famName := f.NameSV
	if b.lang == "en" {
		famName = f.NameEN
	}
	for _, u := range units {
		ks := byUnit[u]
		// Eight lines are the most a reader can tell apart.
		if len(ks) > len(palette) {
			ks = ks[:len(palette)]
		}
		names := make([]string, len(ks))
		for i, k := range ks {
			names[i] = b.kpiName(k)
		}
		title := fmt.Sprintf("%s: %s, %s–%s", famName, b.unitName(u), quarters[0], quarters[len(quarters)-1])
		if len(ks) == 1 {
			title = fmt.Sprintf("%s, %s–%s", names[0], quarters[0], quarters[len(quarters)-1])
		}
		cats, sNames, vals := cd.block(b.w.ChartData+": "+title, names, quarters, u, func(si, ci int) model.Figure { return ks[si].Trend[ci].Figure })
		c := chartSpec{kind: excelize.Line, title: title, xTitle: b.w.AxisQuarter, yTitle: b.axisTitle(u), yNumFmt: yFormat(u)}
		if u == transform.UnitShare {
			zero, one := 0.0, 1.0
			c.yMin, c.yMax = &zero, &one
		}
		for i := range ks {
			c.series = append(c.series, lineSeries(sNames[i], cats, vals[i], i))
		}
		out = append(out, c)
	}
	return out
}

// municipalityChart draws the period's values by municipality for the
// family's first KPI with a target (else its first), with the target as a
// line across.
func (b *book) municipalityChart(cd *chartData, kpis []*model.KPI, munis []muni) (chartSpec, bool) {
	if len(kpis) == 0 || len(munis) == 0 {
		return chartSpec{}, false
	}
	k := kpis[0]
	for _, c := range kpis {
		if c.Target != nil {
			k = c
			break
		}
	}
	var figs []model.Figure
	cats := make([]string, len(munis))
	for i, mu := range munis {
		cats[i] = mu.label
		figs = append(figs, groupFigure(k, "municipality", mu.code))
	}
	if !anyValue(figs...) {
		return chartSpec{}, false
	}
	series := []string{b.kpiName(k)}
	if k.Target != nil {
		series = append(series, b.w.Target)
	}
	title := fmt.Sprintf("%s %s, %s", b.kpiName(k), b.w.PerMunicipality, b.r.Meta.Period.Label)
	catRange, names, vals := cd.block(b.w.ChartData+": "+title, series, cats, k.Unit, func(si, ci int) model.Figure {
		if si == 1 {
			t := *k.Target
			return model.Figure{Value: &t}
		}
		return figs[ci]
	})
	c := chartSpec{kind: excelize.Col, title: title, xTitle: b.w.AxisMunicipality, yTitle: b.axisTitle(k.Unit), yNumFmt: yFormat(k.Unit),
		series: []excelize.ChartSeries{barSeries(names[0], catRange, vals[0], 0)}, width: 760}
	if len(cats) > 8 {
		// Many municipality names only fit slanted.
		c.xRotate, c.height = -45, chartHeight+60
	}
	if k.Unit == transform.UnitShare {
		zero, one := 0.0, 1.0
		c.yMin, c.yMax = &zero, &one
	}
	if k.Target != nil {
		t := excelize.ChartSeries{Name: names[1], Categories: catRange, Values: vals[1],
			Line:   excelize.LineOptions{Width: 2, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}}},
			Marker: excelize.ChartMarker{Symbol: "none"}}
		c.combo = []excelize.ChartSeries{t}
	}
	return c, true
}

// matrixCharts draws a family matrix: attendance by organisation type for the
// period, goal attainment as stacked bars, deviations by category, the survey
// by dimension and respondent.
func (b *book) matrixCharts(cd *chartData, family string, mx *model.Matrix) []chartSpec {
	title := mx.TitleSV
	if b.lang == "en" {
		title = mx.TitleEN
	}
	rowLabels := make([]string, len(mx.Rows))
	for i, r := range mx.Rows {
		rowLabels[i] = r.Label
	}
	last := len(mx.Columns) - 1
	if last < 0 || len(mx.Rows) == 0 {
		return nil
	}
	switch {
	case mx == &b.r.Attendance || mx == &b.r.Absence || mx == &b.r.Deviations:
		// The period's column, one bar per row.
		var figs []model.Figure
		for _, r := range mx.Rows {
			figs = append(figs, r.Cells[last])
		}
		if !anyValue(figs...) {
			return nil
		}
		t := fmt.Sprintf("%s, %s", title, mx.Columns[last])
		axis := b.w.AxisOrgType
		if mx == &b.r.Deviations {
			axis = b.w.AxisCategory
		}
		cats, names, vals := cd.block(b.w.ChartData+": "+t, []string{mx.Columns[last]}, rowLabels, mx.Unit, func(_, ci int) model.Figure { return figs[ci] })
		c := chartSpec{kind: excelize.Bar, title: t, xTitle: axis, yTitle: b.axisTitle(mx.Unit), yNumFmt: yFormat(mx.Unit),
			series: []excelize.ChartSeries{barSeries(names[0], cats, vals[0], 0)}, height: uint(max(chartHeight, 60+28*len(mx.Rows)))}
		if mx.Unit == transform.UnitShare {
			zero, one := 0.0, 1.0
			c.yMin, c.yMax = &zero, &one
		}
		return []chartSpec{c}
	case mx == &b.r.GoalsByQuarter || mx == &b.r.GoalsByMunicipality:
		// Stacked: the columns are the categories, the rows (achieved,
		// partly, not) the stacked series.
		var all []model.Figure
		for _, r := range mx.Rows {
			all = append(all, r.Cells...)
		}
		if !anyValue(all...) {
			return nil
		}
		axis := b.w.AxisQuarter
		if mx == &b.r.GoalsByMunicipality {
			axis = b.w.AxisMunicipality
		}
		cats, names, vals := cd.block(b.w.ChartData+": "+title, rowLabels, mx.Columns, mx.Unit, func(si, ci int) model.Figure { return mx.Rows[si].Cells[ci] })
		zero, one := 0.0, 1.0
		c := chartSpec{kind: excelize.ColStacked, title: title, xTitle: axis, yTitle: b.axisTitle(mx.Unit), yNumFmt: yFormat(mx.Unit),
			yMin: &zero, yMax: &one, legend: true, width: 760}
		if len(mx.Columns) > 8 {
			c.xRotate, c.height = -45, chartHeight+60
		}
		goalColours := []int{5, 3, 1} // green, amber, orange: achieved, partly, not
		for i := range mx.Rows {
			c.series = append(c.series, barSeries(names[i], cats, vals[i], goalColours[i%len(goalColours)]))
		}
		return []chartSpec{c}
	default:
		// The survey: dimensions as categories, one series per respondent.
		var all []model.Figure
		for _, r := range mx.Rows {
			all = append(all, r.Cells...)
		}
		if !anyValue(all...) {
			return nil
		}
		t := fmt.Sprintf("%s, %s", title, b.r.Meta.Period.Label)
		cats, names, vals := cd.block(b.w.ChartData+": "+t, mx.Columns, rowLabels, mx.Unit, func(si, ci int) model.Figure { return mx.Rows[ci].Cells[si] })
		c := chartSpec{kind: excelize.Bar, title: t, xTitle: b.w.AxisDimension, yTitle: b.axisTitle(mx.Unit), yNumFmt: yFormat(mx.Unit), legend: true,
			height: uint(max(chartHeight, 80+20*len(mx.Rows)*len(mx.Columns)))}
		if mx.Unit == transform.UnitIndex {
			zero, hundred := 0.0, 100.0
			c.yMin, c.yMax = &zero, &hundred
		}
		for i := range mx.Columns {
			c.series = append(c.series, barSeries(names[i], cats, vals[i], i))
		}
		return []chartSpec{c}
	}
}

func (b *book) axisTitle(u transform.Unit) string {
	switch u {
	case transform.UnitShare:
		return b.w.AxisShare
	case transform.UnitDays:
		return b.w.AxisDays
	case transform.UnitCount:
		return b.w.AxisCount
	}
	return b.unitName(u)
}

func yFormat(u transform.Unit) string {
	switch u {
	case transform.UnitShare:
		return "0%"
	case transform.UnitCount, transform.UnitDays, transform.UnitIndex:
		return "0"
	}
	return "0.0"
}
