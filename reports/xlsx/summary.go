package xlsx

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// Summary sheet layout: metadata in rows 1–7, the KPI table's header in
// summaryHeader, one headline KPI per row below it, and the trend's chart
// data to the right of the table.
const (
	summaryHeader = 9
	// Columns of the summary table.
	sumFamily, sumKPI, sumUnit, sumValue, sumPrev, sumYear, sumTarget, sumStatus, sumTrend = 1, 2, 3, 4, 5, 6, 7, 8, 9
	sumTrendData                                                                           = 10 // first of the 8 quarters
)

// overview is the full table of every KPI shown on the family sheets (the
// table that was the summary before it became one page), with the trend's
// data and the process funnel below it.
func (b *book) overview() error {
	s, err := b.newSheet(b.w.Overview)
	if err != nil {
		return err
	}
	m := b.r.Meta
	s.str(1, 1, b.reportTitle(), b.title)
	s.str(1, 2, b.w.Period, b.textBold)
	s.str(2, 2, fmt.Sprintf("%s (%s – %s)", m.Period.Label, m.Period.Start.Format("2006-01-02"), m.Period.End.Format("2006-01-02")), b.text)
	s.str(1, 3, b.w.AsOf, b.textBold)
	s.str(2, 3, m.AsOf.Format("2006-01-02"), b.text)
	s.str(1, 4, b.w.Source, b.textBold)
	s.str(2, 4, sourceText(m, b.w), b.text)
	s.str(1, 5, b.w.Region, b.textBold)
	scope := m.RegionName
	if m.Municipality != "" {
		scope = fmt.Sprintf("%s – %s %s (%s)", m.RegionName, b.w.Municipality, m.MunicipalityName, m.Municipality)
	}
	s.str(2, 5, scope, b.text)
	s.str(1, 6, b.w.Created, b.textBold)
	s.str(2, 6, m.Created.Format("2006-01-02 15:04"), b.text)
	s.str(1, 7, b.w.Legend, b.textBold)
	s.str(2, 7, fmt.Sprintf(`".." = %s, "-" = %s. %s`, b.w.MarkSuppressed, b.w.MarkNoData, fmt.Sprintf(b.w.SuppressionRule, m.Threshold-1, m.Threshold)), b.text)

	prev, year := m.Period.Previous().Label, m.Period.YearAgo().Label
	s.headers(1, summaryHeader, b.w.Family, b.w.KPI, b.w.Unit, b.w.Value+" "+m.Period.Label,
		b.w.Previous+" "+prev, b.w.YearAgo+" "+year, b.w.Target, b.w.Status, b.w.Trend)
	for i, q := range m.Trend {
		s.headers(sumTrendData+i, summaryHeader, q.Label)
	}
	s.str(sumTrendData, summaryHeader-1, b.w.ChartDataNote, b.subtitle)

	row := summaryHeader
	family := map[string]string{}
	for _, f := range b.r.Families {
		family[f.ID] = f.NameSV
		if b.lang == "en" {
			family[f.ID] = f.NameEN
		}
	}
	for _, k := range b.r.KPIs {
		if !k.Headline {
			continue
		}
		row++
		s.str(sumFamily, row, family[k.Family], b.text)
		s.str(sumKPI, row, b.kpiName(k), b.text)
		s.str(sumUnit, row, b.unitName(k.Unit), b.text)
		s.figure(sumValue, row, k.Current, k.Unit, true)
		s.figure(sumPrev, row, k.Previous, k.Unit, false)
		s.figure(sumYear, row, k.YearAgo, k.Unit, false)
		s.target(sumTarget, row, k)
		s.str(sumStatus, row, b.statusText(k.Status), b.statusStyle(k.Status))
		for i, p := range k.Trend {
			s.chartValue(sumTrendData+i, row, p.Figure, k.Unit)
		}
		s.str(sumTrend, row, spark(k.Trend, k.Unit), b.spark)
	}
	last := row
	s.table("Alla_nyckeltal", 1, summaryHeader, sumTrendData+len(m.Trend)-1, last)
	// The status column is coloured by conditional formatting too, so a
	// reader who edits or re-sorts the sheet keeps the colours.
	if last > summaryHeader {
		met, err1 := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "006100", Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
		notMet, err2 := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006", Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
		s.fail(err1)
		s.fail(err2)
		rng := cell(sumStatus, summaryHeader+1) + ":" + cell(sumStatus, last)
		s.fail(b.f.SetConditionalFormat(b.w.Overview, rng, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Value: `"` + b.statusText(model.StatusMet) + `"`, Format: &met},
			{Type: "cell", Criteria: "==", Value: `"` + b.statusText(model.StatusNotMet) + `"`, Format: &notMet},
		}))
	}
	row = last + 2
	row = b.funnel(s, row)
	s.widths(24, 58, 12, 14, 14, 14, 10, 14, 18)
	for i := range m.Trend {
		c := colName(sumTrendData + i)
		s.fail(b.f.SetColWidth(b.w.Overview, c, c, 9))
	}
	s.fail(b.f.SetRowHeight(b.w.Overview, summaryHeader, 32))
	s.freeze(sumValue, summaryHeader+1)
	s.print()
	// The trend's numbers are chart data, not for paper: the print area
	// ends at the sparkline, and the header row repeats on every page.
	s.printArea(1, 1, sumTrend, row)
	s.printTitles(summaryHeader, summaryHeader)
	return s.err
}

// funnel writes the process steps below the summary table.
func (b *book) funnel(s *sheet, row int) int {
	s.str(1, row, b.w.Funnel, b.textBold)
	row++
	s.headers(1, row, b.w.FunnelStep, b.w.KPI, b.w.Value+" "+b.r.Meta.Period.Label)
	// Two lines, as the summary's header: "Värde 2026Q3" wraps in its column.
	s.fail(b.f.SetRowHeight(s.name, row, 32))
	for _, st := range b.r.Funnel {
		row++
		name := st.NameSV
		if b.lang == "en" {
			name = st.NameEN
		}
		s.str(1, row, name, b.text)
		if st.KPIID == "" {
			s.str(2, row, b.w.NoKPI, b.subtitle)
			s.figure(3, row, st.Figure, "count", false)
			continue
		}
		k := b.r.KPI(st.KPIID)
		s.str(2, row, b.kpiName(k), b.text)
		s.figure(3, row, st.Figure, k.Unit, false)
	}
	return row + 1
}

func (b *book) statusText(st model.Status) string {
	if t, ok := b.w.Status_[string(st)]; ok {
		return t
	}
	return string(st)
}

func (b *book) statusStyle(st model.Status) int {
	return b.verdictStyle(st == model.StatusMet, st == model.StatusNotMet)
}

func sourceText(m model.Meta, w *words) string {
	var parts []string
	for _, src := range m.Sources {
		parts = append(parts, fmt.Sprintf("%s (%s %s, %s v%s)", src.Name, w.Extract, src.ExtractedAt.Format("2006-01-02"), w.Contract, src.ContractVersion))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, "; ")
}

// bars are the eight block heights of a text sparkline.
var bars = []rune("▁▂▃▄▅▆▇█")

// spark draws the trend as a text sparkline, one block per quarter, a
// space for a quarter that is suppressed or has no data. The scale starts
// at zero and is the same for every KPI of a unit (0–100 % for shares), so
// 8 → 9 days is a small step, as it is. Excel's native sparklines print in
// LibreOffice (7.4) as stray dots or a single bar, so the trend is text
// that every reader and printer shows the same; the numbers are beside it.
func spark(trend []model.Point, u transform.Unit) string {
	lo, hi := 0.0, math.Inf(-1)
	for _, p := range trend {
		if v := p.Figure.Value; v != nil && !p.Figure.Suppressed {
			hi = math.Max(hi, *v)
		}
	}
	if math.IsInf(hi, -1) {
		return ""
	}
	if u == transform.UnitShare {
		hi = 1
	}
	out := make([]rune, len(trend))
	for i, p := range trend {
		v := p.Figure.Value
		switch {
		case v == nil || p.Figure.Suppressed:
			out[i] = ' '
		case hi == lo:
			out[i] = bars[0]
		default:
			out[i] = bars[min(len(bars)-1, max(0, int(math.Round((*v-lo)/(hi-lo)*float64(len(bars)-1)))))]
		}
	}
	return string(out)
}
