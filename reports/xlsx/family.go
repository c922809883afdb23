package xlsx

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// A family sheet, top to bottom: the KPI overview (every KPI of the family
// with value, count, latest final value, last year, change, reference and
// status), the comparison by municipality (by county in a national
// report), the other breakdowns as one table, the family's matrices (heat
// maps), the trend, and on pages of their own the charts, two side by side.
// The chart data sit below, outside the print area. Every row has a known
// height and every page break is placed here (page.go), so a chart never
// splits across pages and never lies over a table.
const famHeader = 4

func (b *book) family(f *model.Family) error {
	name := familySheet(*f, b.lang)
	s, err := b.newSheet(name)
	if err != nil {
		return err
	}
	m := b.r.Meta
	groupBy := "municipality"
	if b.national() {
		groupBy = "region"
	}
	headline, broken, muniKPIs := familyKPIs(f, groupBy)
	nCols := max(9, len(muniKPIs)+2, len(headline)+1, len(m.Trend)+1)
	lay := newLayout(s, nCols)

	// The printed part, top to bottom. The order of the writes is kept as
	// it was (excelize numbers shared strings in the order written).
	b.familyTitle(s, lay, f)
	row := b.familyOverview(s, lay, f)
	munis := groupsOf(muniKPIs, groupBy)
	row = b.familyComparison(s, lay, row, f.ID, groupBy, muniKPIs, munis)
	matrices := b.familyMatrices(f.ID)
	row = b.familyMatrixTables(s, lay, row, matrices)

	// The charts, on pages of their own; their data below, not printed.
	// The chart data go right of the printed columns, from the top.
	cd := &chartData{s: s, col: nCols + 3, row: famHeader}
	specs := b.familyCharts(cd, f, headline, muniKPIs, munis, groupBy, matrices)
	printEnd := row
	if len(specs) > 0 {
		printEnd = lay.charts(row+2, specs)
	}
	row = printEnd + 3

	// Below the print area: the detail an analyst filters, not for paper.
	s.str(1, row, b.w.NotPrinted, b.note)
	// The other breakdowns of the period, one table: a heading row per
	// breakdown, a row per group, a column per KPI.
	row = b.breakdownTable(s, lay, row, f, broken)
	b.familyTrend(s, lay, row, headline)

	s.widths(lay.widths...)
	s.fail(b.f.SetColWidth(name, colName(cd.col), colName(cd.col), 30))
	s.freeze(1, famHeader+1)
	lay.finish(printEnd)
	return s.err
}

// familyKPIs sorts a family's KPIs by where they are shown: the comparison,
// trend and charts show the headline KPIs; the breakdown table (broken) all
// but the audit's per-question ones; the comparison by groupBy (muniKPIs)
// the headline KPIs that have that breakdown.
func familyKPIs(f *model.Family, groupBy string) (headline, broken, muniKPIs []*model.KPI) {
	for _, k := range f.KPIs {
		if k.Headline {
			headline = append(headline, k)
		}
		if k.Headline || !strings.HasPrefix(k.ID, "survey_") {
			broken = append(broken, k)
		}
	}
	for _, k := range headline {
		if k.Breakdown(groupBy) != nil {
			muniKPIs = append(muniKPIs, k)
		}
	}
	return headline, broken, muniKPIs
}

// familyTitle writes the sheet's title (family, period, scope) and the
// line explaining the marks.
func (b *book) familyTitle(s *sheet, lay *layout, f *model.Family) {
	m := b.r.Meta
	famName := f.NameSV
	if b.lang == "en" {
		famName = f.NameEN
	}
	s.str(1, 1, fmt.Sprintf("%s – %s – %s", famName, m.Period.Label, m.Scope()), b.title)
	lay.height(1, 24)
	s.str(1, 2, fmt.Sprintf(`%s. ".." = %s, "." = %s, "-" = %s, 0 = %s.`, b.w.FamilyIntro, b.w.MarkSuppressed, b.w.MarkNotApplicable, b.w.MarkNoData, b.w.Zero), b.subtitle)
}

// familyOverview writes the KPI overview from row famHeader: a row per
// headline KPI with value, basis, latest final value, last year, change,
// reference and status. It returns its last row.
func (b *book) familyOverview(s *sheet, lay *layout, f *model.Family) int {
	m := b.r.Meta
	row := famHeader
	lay.keepFrom(row)
	s.str(1, row-1, b.w.KPI+" "+m.Period.Label, b.textBold)
	ref := b.w.RefRegion
	if m.Municipality == "" {
		ref = b.w.RefNation
	}
	s.headers(1, row, b.w.KPI, b.w.Value, b.w.Prel, b.w.Basis, b.w.LatestFinal, b.w.YearAgo, b.w.ChangeHead, ref, b.w.TargetStatus)
	lay.height(row, 32)
	// The overview lists the family's KPIs but those that detail another
	// (quartiles, the audit's per-question figures): they are in Värden.
	for _, k := range f.KPIs {
		if !k.Headline {
			continue
		}
		row++
		s.str(1, row, b.kpiName(k), b.text)
		s.figure(2, row, k.Current, k.Unit, true)
		if k.Current.Preliminary {
			s.str(3, row, b.w.Prel, b.prel)
		}
		s.str(4, row, k.Current.Basis(k.Unit, b.lang), b.small)
		if k.Current.Preliminary && k.FinalPeriod != "" {
			s.finalCell(5, row, k)
		} else {
			s.str(5, row, b.w.SameAsValue, b.mark)
		}
		s.figure(6, row, k.YearAgo, k.Unit, false)
		s.str(7, row, b.changeText(k.Change), b.changeStyle(k.Change))
		s.figure(8, row, k.Reference, k.Unit, false)
		s.str(9, row, b.statusLine(k), b.statusStyle(k.Status))
	}
	s.table(tableName("nyckeltal", f.ID), 1, famHeader, 9, row)
	lay.block(famHeader-1, row, row-famHeader < 25)
	return row
}

// familyComparison writes the comparison by municipality (county, groupBy
// "region"), sorted by name, the report's own municipality in bold, the
// region (nation) and the targets below, after row; it returns the last row
// written (row if there are no groups).
func (b *book) familyComparison(s *sheet, lay *layout, row int, family, groupBy string, muniKPIs []*model.KPI, munis []muni) int {
	if len(munis) == 0 {
		return row
	}
	m := b.r.Meta
	row += 2
	first := row
	row = b.kpiTableHead(s, lay, row, b.comparisonTitle(groupBy), b.groupHeading(groupBy), muniKPIs, b.w.Code)
	head := row
	for _, mu := range munis {
		row++
		own := groupBy == "municipality" && mu.code == m.Municipality
		st := b.text
		if own {
			st = b.ownRow
		}
		s.str(1, row, mu.label, st)
		for j, k := range muniKPIs {
			s.figure(2+j, row, groupFigure(k, groupBy, mu.code), k.Unit, own)
		}
		s.str(2+len(muniKPIs), row, mu.code, b.text)
	}
	s.table(tableName("kommuner", family), 1, head, 2+len(muniKPIs), row)
	row++
	total := b.w.WholeRegion
	if b.national() {
		total = b.w.Nation
	}
	s.str(1, row, total, b.textBold)
	for j, k := range muniKPIs {
		s.figure(2+j, row, k.RegionTotal, k.Unit, true)
	}
	if anyTarget(muniKPIs) {
		row++
		s.str(1, row, b.w.Target, b.text)
		for j, k := range muniKPIs {
			s.target(2+j, row, k)
		}
	}
	lay.block(first, row, len(munis) < 28)
	return row
}

// familyMatrices are the family's own matrices (heat maps), nil for a
// family that has none.
func (b *book) familyMatrices(family string) []*model.Matrix {
	switch family {
	case "attendance":
		return []*model.Matrix{&b.r.Attendance, &b.r.Absence}
	case "goals":
		return []*model.Matrix{&b.r.GoalsByQuarter}
	case "deviations":
		return []*model.Matrix{&b.r.Deviations}
	case "user_audit", "survey":
		return []*model.Matrix{&b.r.Survey}
	}
	return nil
}

// familyMatrixTables writes each non-empty matrix as a table after row and
// returns the last row written.
func (b *book) familyMatrixTables(s *sheet, lay *layout, row int, matrices []*model.Matrix) int {
	for _, mx := range matrices {
		if len(mx.Rows) == 0 {
			continue
		}
		row += 2
		first := row
		row, _ = b.matrix(s, row, mx)
		lay.block(first, row, row-first < 30)
	}
	return row
}

// familyCharts writes the data of the family's charts (trend, comparison,
// matrices, funnels, control charts) to cd and returns the charts.
func (b *book) familyCharts(cd *chartData, f *model.Family, headline, muniKPIs []*model.KPI, munis []muni, groupBy string, matrices []*model.Matrix) []chartSpec {
	var specs []chartSpec
	cd.s.str(cd.col, famHeader-1, b.w.ChartDataNote, b.subtitle)
	specs = append(specs, b.trendCharts(cd, f, headline)...)
	if c, ok := b.municipalityChart(cd, muniKPIs, munis, groupBy); ok {
		specs = append(specs, c)
	}
	for _, mx := range matrices {
		if mx == &b.r.Absence {
			continue // the heat map above shows it; the bars show attendance
		}
		specs = append(specs, b.matrixCharts(cd, f.ID, mx)...)
	}
	specs = append(specs, b.funnelCharts(cd, f)...)
	specs = append(specs, b.spcCharts(cd, f)...)
	return specs
}

// familyTrend writes the headline KPIs' trend by quarter, as shown (with
// marks), after row.
func (b *book) familyTrend(s *sheet, lay *layout, row int, headline []*model.KPI) {
	if len(headline) == 0 {
		return
	}
	row += 2
	row = b.kpiTableHead(s, lay, row, b.w.TrendTitle, b.w.Quarter, headline)
	for qi, q := range b.r.Meta.Trend {
		row++
		label := q.Label
		if anyPrelim(headline, qi) {
			label += " " + b.w.Prel
		}
		s.str(1, row, label, b.text)
		for j, k := range headline {
			s.figure(2+j, row, k.Trend[qi].Figure, k.Unit, false)
		}
	}
}

// kpiTableHead writes a table's bold title at row and its header row below:
// first, a column per KPI, then extra. It returns the header's row.
func (b *book) kpiTableHead(s *sheet, lay *layout, row int, title, first string, kpis []*model.KPI, extra ...string) int {
	s.str(1, row, title, b.textBold)
	row++
	hdr := []string{first}
	for _, k := range kpis {
		hdr = append(hdr, b.kpiName(k))
	}
	hdr = append(hdr, extra...)
	s.headers(1, row, hdr...)
	lay.height(row, 48)
	return row
}

func anyTarget(ks []*model.KPI) bool {
	for _, k := range ks {
		if k.Target != nil {
			return true
		}
	}
	return false
}

func anyPrelim(ks []*model.KPI, qi int) bool {
	for _, k := range ks {
		if qi < len(k.Trend) && k.Trend[qi].Figure.Preliminary {
			return true
		}
	}
	return false
}

// national reports whether the database holds several regions: the
// comparison is then by county.
func (b *book) national() bool {
	if k := b.r.KPI("needs_detected"); k != nil {
		if br := k.Breakdown("region"); br != nil && len(br.Groups) > 1 {
			return true
		}
	}
	return false
}

func (b *book) comparisonTitle(groupBy string) string {
	if groupBy == "region" {
		return b.w.ComparisonRegion + " " + b.r.Meta.Period.Label
	}
	return b.w.Comparison + " " + b.r.Meta.Period.Label
}

func (b *book) groupHeading(groupBy string) string {
	if groupBy == "region" {
		return b.w.County
	}
	return b.w.Municipality
}

// breakdownTable writes every breakdown but municipality and region of
// the family's KPIs as one table and returns its last row.
func (b *book) breakdownTable(s *sheet, lay *layout, row int, f *model.Family, kpis []*model.KPI) int {
	type bd struct {
		name, label string
		groups      []model.Group
	}
	var order []*bd
	seen := map[string]*bd{}
	var cols []*model.KPI
	for _, k := range kpis {
		has := false
		for _, br := range k.Breakdowns {
			if br.Name == "municipality" || br.Name == "region" {
				continue
			}
			has = true
			x := seen[br.Name]
			if x == nil {
				x = &bd{name: br.Name, label: b.breakdownLabel(br.Name)}
				seen[br.Name] = x
				order = append(order, x)
			}
			for _, g := range br.Groups {
				if !slices.ContainsFunc(x.groups, func(h model.Group) bool { return h.Code == g.Code }) {
					x.groups = append(x.groups, g)
				}
			}
		}
		if has {
			cols = append(cols, k)
		}
	}
	if len(order) == 0 {
		return row
	}
	// A table wider than the page is cut into several of at most maxCols
	// KPI columns.
	maxCols := lay.nCols - 1
	for start := 0; start < len(cols); start += maxCols {
		part := cols[start:min(len(cols), start+maxCols)]
		row += 2
		row = b.kpiTableHead(s, lay, row, b.w.Breakdowns+" "+b.r.Meta.Period.Label, b.w.Group, part)
		for _, x := range order {
			row++
			s.str(1, row, x.label, b.textBold)
			for _, g := range x.groups {
				row++
				s.str(1, row, "   "+b.groupLabel(x.name, g), b.text)
				for j, k := range part {
					if k.Breakdown(x.name) == nil {
						continue
					}
					s.figure(2+j, row, groupFigure(k, x.name, g.Code), k.Unit, false)
				}
			}
		}
	}
	return row
}

type muni struct{ code, label string }

// groupsOf lists every group of the breakdown any of the KPIs has, by name.
func groupsOf(kpis []*model.KPI, breakdown string) []muni {
	seen := map[string]string{}
	for _, k := range kpis {
		if br := k.Breakdown(breakdown); br != nil {
			for _, g := range br.Groups {
				seen[g.Code] = g.Label
			}
		}
	}
	out := make([]muni, 0, len(seen))
	for c, l := range seen {
		out = append(out, muni{c, l})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].label != out[j].label {
			return out[i].label < out[j].label
		}
		return out[i].code < out[j].code
	})
	return out
}

// groupFigure is a KPI's figure for one group. A group the KPI has no row
// for, in a breakdown it has, had no units: a count is 0, anything else not
// applicable ("."), as Kolada shows them.
func groupFigure(k *model.KPI, breakdown, code string) model.Figure {
	if br := k.Breakdown(breakdown); br != nil {
		for _, g := range br.Groups {
			if g.Code == code {
				return g.Figure
			}
		}
		if k.Unit == transform.UnitCount {
			zero := 0.0
			return model.Figure{Value: &zero}
		}
		return model.Figure{NotApplicable: true}
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
		heads = append([]string{b.heading(mx.RowHeading)}, b.matrixColumns(mx)...)
		for _, r := range mx.Rows {
			labels = append(labels, b.matrixRowLabel(mx, r))
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
		// A row with nothing to show in any column (an organisation type
		// never summoned) is left out.
		some := false
		for _, c := range cells[i] {
			some = some || c.Shown() || c.Suppressed
		}
		if !some {
			continue
		}
		row++
		s.str(1, row, l, b.text)
		for j, c := range cells[i] {
			s.figure(2+j, row, c, mx.Unit, false)
		}
	}
	if row > header && len(heads) > 1 && mx.Unit == transform.UnitShare && mx != &b.r.GoalsByMunicipality && mx != &b.r.GoalsByQuarter {
		// A heat map follows the KPI's direction: the worst cell is red
		// (warm), the best green; a neutral KPI gets one light-to-dark hue.
		lo, hi := heatWorst, heatBest
		dir := ""
		if len(mx.KPIIDs) > 0 {
			if k := b.r.KPI(mx.KPIIDs[0]); k != nil {
				dir = k.Direction
			}
		}
		switch dir {
		case "lower":
			lo, hi = heatBest, heatWorst
		case "higher":
		default:
			lo, hi = "#F7FBFF", "#6BAED6"
		}
		rng := cell(2, header+1) + ":" + cell(len(heads), row)
		s.fail(b.f.SetConditionalFormat(s.name, rng, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MaxType: "max",
			MidValue: "50", MinColor: lo, MidColor: heatMid(dir), MaxColor: hi,
		}}))
	}
	return row, len(heads)
}

// chartData writes the numbers charts plot, right of the printed columns:
// the same figures, with suppressed and missing ones left empty.
type chartData struct {
	s   *sheet
	col int // first column
	row int
}

// block writes categories in the first column and one column per series,
// returning the category and per-series value ranges.
func (cd *chartData) block(title string, seriesNames []string, cats []string, unit transform.Unit, value func(series, cat int) model.Figure) (string, []string, []string) {
	s := cd.s
	c0 := cd.col
	s.str(c0, cd.row, title, s.b.subtitle)
	head := cd.row + 1
	s.str(c0, head, s.b.w.Group, s.b.subtitle)
	for j, n := range seriesNames {
		s.str(c0+1+j, head, n, s.b.subtitle)
	}
	for i, c := range cats {
		s.str(c0, head+1+i, c, s.b.text)
		for j := range seriesNames {
			s.chartValue(c0+1+j, head+1+i, value(j, i), unit)
		}
	}
	catRange := absRange(s.name, c0, head+1, c0, head+len(cats))
	var vals, names []string
	for j := range seriesNames {
		vals = append(vals, absRange(s.name, c0+1+j, head+1, c0+1+j, head+len(cats)))
		names = append(names, abs(s.name, c0+1+j, head))
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
		rowLabels[i] = b.matrixRowLabel(mx, r)
	}
	last := len(mx.Columns) - 1
	if last < 0 || len(mx.Rows) == 0 {
		return nil
	}
	switch {
	case mx == &b.r.Attendance || mx == &b.r.Absence || mx == &b.r.Deviations:
		// The period's column, one bar per row with something to show (an
		// organisation type never summoned would be a label without a bar).
		var figs []model.Figure
		rowLabels = rowLabels[:0]
		for _, r := range mx.Rows {
			if f := r.Cells[last]; f.Shown() || f.Suppressed {
				figs = append(figs, f)
				rowLabels = append(rowLabels, b.matrixRowLabel(mx, r))
			}
		}
		if !anyValue(figs...) {
			return nil
		}
		// One quarter: the title says so ("per verksamhet, 2026Q3").
		one := strings.NewReplacer(" och kvartal", "", " and quarter", "").Replace(title)
		t := fmt.Sprintf("%s, %s", one, mx.Columns[last])
		axis := b.w.AxisOrgType
		if mx == &b.r.Deviations {
			axis = b.w.AxisCategory
		}
		cats, names, vals := cd.block(b.w.ChartData+": "+t, []string{mx.Columns[last]}, rowLabels, mx.Unit, func(_, ci int) model.Figure { return figs[ci] })
		c := chartSpec{kind: excelize.Bar, title: t, xTitle: axis, yTitle: b.axisTitle(mx.Unit), yNumFmt: yFormat(mx.Unit),
			series: []excelize.ChartSeries{barSeries(names[0], cats, vals[0], 0)}, height: uint(max(chartHeight, 60+28*len(figs)))}
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

// Heat-map colours: the worst cell warm red, the best green.
const (
	heatWorst = "#F8696B"
	heatBest  = "#63BE7B"
)

func heatMid(direction string) string {
	if direction == "higher" || direction == "lower" {
		return "#FFEB84"
	}
	return "#C6DBEF"
}

// matrixRowLabel is a matrix row's label in the report's language: a group
// of the matrix's breakdown, or a KPI's name.
func (b *book) matrixRowLabel(mx *model.Matrix, r model.MatrixRow) string {
	if k := b.r.KPI(r.Code); k != nil {
		return b.kpiName(k)
	}
	breakdown := map[*model.Matrix]string{&b.r.Attendance: "org_type", &b.r.Absence: "org_type", &b.r.Deviations: "category"}[mx]
	if breakdown == "" {
		return r.Label
	}
	return b.r.GroupLabel(b.lang, breakdown, model.Group{Code: r.Code, Label: r.Label})
}

// matrixColumns are a matrix's column labels in the report's language.
func (b *book) matrixColumns(mx *model.Matrix) []string {
	if b.lang != "en" || mx != &b.r.Survey {
		return mx.Columns
	}
	out := append([]string(nil), mx.Columns...)
	if len(out) > 0 && out[0] == "Alla" {
		out[0] = "All"
	}
	return out
}

// heading is a matrix heading in the report's language.
func (b *book) heading(sv string) string {
	if b.lang != "en" {
		return sv
	}
	if en, ok := map[string]string{"Verksamhet": "Organisation type", "Kategori": "Category", "Bedömning": "Assessment",
		"Dimension": "Dimension", "Kvartal": "Quarter", "Kommun": "Municipality"}[sv]; ok {
		return en
	}
	return sv
}
