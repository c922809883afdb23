package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// The one-page steering summary: the report's title, three to five
// sentences generated from the figures, and the headline KPIs with value,
// count, latest final value, last year, the change against it, the
// reference, target status and an 8-quarter sparkline. It prints on one A4
// page at summaryScale per cent.
const (
	summaryScale    = 95
	minSummaryScale = 90
	// summaryPageHeight is the height in printed points the summary's rows
	// may take on A4 landscape within onePage's margins (595 − 2·43 = 509
	// less LibreOffice's header and footer spacing; measured: rows of 502
	// printed points fit, 516 put the legend on a second page).
	summaryPageHeight                                                                     = 500
	stName, stValue, stPrel, stBasis, stFinal, stYear, stChange, stRef, stStatus, stSpark = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
	stLast                                                                                = stSpark
)

// steeringWidths fit A4 landscape at summaryScale also where the reader
// lacks Calibri and the sheet is measured in the wider DejaVu Sans
// (LibreOffice on Linux: about 7 points per width unit).
var steeringWidths = []float64{25, 9, 4.5, 14, 12, 9, 12, 10, 11, 10}

func (b *book) summary() error {
	s, err := b.newSheet(b.w.Summary)
	if err != nil {
		return err
	}
	m := b.r.Meta
	w := b.w
	total := 0.0
	for _, x := range steeringWidths {
		total += x
	}
	merged := func(row int, text string, style int) {
		s.str(1, row, text, style)
		s.fail(b.f.MergeCell(s.name, cell(1, row), cell(stLast, row)))
		// A merged cell does not grow with its wrapped text; 11-point
		// lines of about 1.1 characters per width unit.
		s.fail(b.f.SetRowHeight(s.name, row, wrappedHeight(text, int(total*1.05))))
	}
	s.str(1, 1, b.reportTitle(), b.title)
	s.fail(b.f.SetRowHeight(s.name, 1, 24))
	sub := fmt.Sprintf("%s %s–%s · %s %s · %s", m.Period.Label, m.Period.Start.Format("2006-01-02"), m.Period.End.Format("2006-01-02"),
		w.AsOfShort, m.AsOf.Format("2006-01-02"), sourceText(m, w))
	if m.Municipality != "" {
		sub = fmt.Sprintf("%s %s (%s), %s · %s", w.Municipality, m.MunicipalityName, m.Municipality, m.RegionName, sub)
	}
	merged(2, sub, b.note)

	row := 3
	s.str(1, row, w.Highlights, b.textBold)
	for _, h := range b.r.Highlights(b.lang) {
		row++
		merged(row, "• "+h, b.wrap)
	}

	row += 2
	s.fail(b.f.SetRowHeight(s.name, row-1, 8))
	head := row
	ref := w.RefRegion
	if m.Municipality == "" {
		ref = w.RefNation
	}
	s.headers(1, row, w.KPI, w.Value+" "+m.Period.Label, "", w.Basis, w.LatestFinal, w.YearAgo+" "+m.Period.YearAgo().Label,
		w.ChangeHead, ref, w.TargetStatus, w.SparkHead)
	s.fail(b.f.SetRowHeight(s.name, row, 54))
	st := b.steeringStyles()
	for _, k := range b.r.SteeringKPIs() {
		row++
		fam := b.r.FamilyLabel(b.lang, k.Family)
		s.fail(b.f.SetCellRichText(s.name, cell(stName, row), []excelize.RichTextRun{
			{Text: b.kpiName(k) + "\n", Font: &excelize.Font{Size: 11, Family: "Calibri", Color: "111111"}},
			{Text: fam, Font: &excelize.Font{Size: 9, Family: "Calibri", Color: "595959"}},
		}))
		s.fail(b.f.SetCellStyle(s.name, cell(stName, row), cell(stName, row), st.name))
		if f := k.Current; f.Mark() != "" {
			s.str(stValue, row, f.Mark(), st.mark)
		} else {
			s.fail(b.f.SetCellFloat(s.name, cell(stValue, row), *f.Value, -1, 64))
			s.fail(b.f.SetCellStyle(s.name, cell(stValue, row), cell(stValue, row), st.value[k.Unit]))
		}
		if k.Current.Preliminary {
			s.str(stPrel, row, w.Prel, b.prel)
		}
		s.str(stBasis, row, k.Current.Basis(k.Unit, b.lang), b.small)
		if k.Current.Preliminary && k.FinalPeriod != "" {
			s.finalCell(stFinal, row, k)
		} else {
			s.str(stFinal, row, w.SameAsValue, b.mark)
		}
		s.figure(stYear, row, k.YearAgo, k.Unit, false)
		s.str(stChange, row, b.changeText(k.Change), b.changeStyle(k.Change))
		s.figure(stRef, row, k.Reference, k.Unit, false)
		s.str(stStatus, row, b.statusLine(k), b.statusStyle(k.Status))
		s.str(stSpark, row, spark(k.Trend, k.Unit), b.spark)
		// The name wraps in its column; the family label under it needs a
		// line of its own, so the row grows by a line per wrapped one.
		s.fail(b.f.SetRowHeight(s.name, row, steeringRowHeight(b.kpiName(k))))
		// Every cell of the row sits in the middle of its height.
		for c := stPrel; c <= stLast; c++ {
			if c == stValue {
				continue
			}
			id, _ := b.f.GetCellStyle(s.name, cell(c, row))
			s.fail(b.f.SetCellStyle(s.name, cell(c, row), cell(c, row), st.centred(id)))
		}
	}
	row += 2
	s.fail(b.f.SetRowHeight(s.name, row-1, 8))
	merged(row, fmt.Sprintf(w.SummaryLegend, m.Threshold)+" "+w.SummaryMore, b.note)
	s.widths(steeringWidths...)
	if !b.r.HasReference() {
		// No reference to show (one region without the nation, or the
		// nation itself): the column is hidden.
		s.fail(b.f.SetColVisible(s.name, colName(stRef), false))
	}
	_ = head
	b.onePage(s, row)
	return s.err
}

// steeringRowHeight is the height in points of a KPI row: 15 per 11-point
// line of the name, wrapped at about 1.1 characters per width unit of its
// column (Calibri; DejaVu Sans is wider), plus 13 for the 9-point family
// label below it.
func steeringRowHeight(name string) float64 {
	return wrappedHeight(name, int(steeringWidths[stName-1]*1.1)) + 13
}

// finalCell writes the latest final figure with its quarter as a prefix in
// the number format, so it stays a number.
func (s *sheet) finalCell(col, row int, k *model.KPI) {
	f := k.Final
	if m := f.Mark(); m != "" {
		s.str(col, row, m+" ("+k.FinalPeriod+")", s.b.mark)
		return
	}
	s.fail(s.b.f.SetCellFloat(s.name, cell(col, row), *f.Value, -1, 64))
	// "26Q2 91,8%": the quarter short, so the number fits its column.
	short := k.FinalPeriod
	if len(short) == 6 {
		short = short[2:]
	}
	code := fmt.Sprintf(`"%s "%s`, short, model.ExcelFormat(k.Unit))
	id, err := s.b.f.NewStyle(&excelize.Style{CustomNumFmt: &code, Font: &excelize.Font{Size: 11, Family: "Calibri"}})
	s.fail(err)
	s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), id))
}

func (b *book) changeText(c string) string {
	switch c {
	case model.ChangeBetter:
		return "▲ " + b.w.Better
	case model.ChangeWorse:
		return "▼ " + b.w.Worse
	case model.ChangeUnchanged:
		return "● " + b.w.Unchanged
	}
	return "–"
}

func (b *book) changeStyle(c string) int {
	return b.verdictStyle(c == model.ChangeBetter, c == model.ChangeWorse)
}

// verdictStyle is the cell style of a good verdict (met, better), a bad
// one (not met, worse) or any other.
func (b *book) verdictStyle(good, bad bool) int {
	switch {
	case good:
		return b.statusMet
	case bad:
		return b.statusNotMet
	}
	return b.statusOther
}

// statusLine is the target and the status against it, or what stands
// instead ("no target").
func (b *book) statusLine(k *model.KPI) string {
	st := b.statusText(k.Status)
	if k.Target == nil {
		return st
	}
	op := "≥"
	if k.Direction == "lower" {
		op = "≤"
	}
	return fmt.Sprintf("%s %s: %s", op, model.FormatNumber(*k.Target, k.Unit, b.lang), st)
}

// onePage sets the summary to print on one A4 landscape page at a fixed
// scale (not shrunk to fit: the page is laid out for it).
func (b *book) onePage(s *sheet, lastRow int) {
	size, orient, scale := 9, "landscape", uint(summaryScale)
	// Rows taller for wrapped names can push the legend onto a second
	// page: shrink to what fits, never below minSummaryScale.
	rows := 0.0
	for r := 1; r <= lastRow; r++ {
		h, err := b.f.GetRowHeight(s.name, r)
		s.fail(err)
		rows += h
	}
	if rows > 0 {
		scale = max(minSummaryScale, min(scale, uint(summaryPageHeight*100/rows)))
	}
	s.fail(b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}))
	l, r, t, bo, h, f := 0.4, 0.4, 0.6, 0.6, 0.3, 0.3
	hc := true
	s.fail(b.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &r, Top: &t, Bottom: &bo, Header: &h, Footer: &f, Horizontally: &hc}))
	s.fail(b.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"-,Bold\"" + b.reportTitle() + "&R&A",
		OddFooter: "&L" + b.w.Created + " " + b.r.Meta.Created.Format("2006-01-02") + "&R" + fmt.Sprintf(b.w.PageOf, "&P", "&N"),
	}))
	s.printArea(1, 1, stLast, lastRow)
	_ = strings.TrimSpace
}

// steeringStyles are the summary table's styles: every cell centred
// vertically in its row, the value large.
type steeringStyle struct {
	b          *book
	name, mark int
	value      map[transform.Unit]int
	cache      map[int]int
}

func (b *book) steeringStyles() *steeringStyle {
	st := &steeringStyle{b: b, value: map[transform.Unit]int{}, cache: map[int]int{}}
	mid := &excelize.Alignment{Vertical: "center", WrapText: true}
	st.name, _ = b.f.NewStyle(&excelize.Style{Alignment: mid})
	st.mark, _ = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13, Color: "7F7F7F", Family: "Calibri"},
		Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "right"}})
	for _, u := range []transform.Unit{transform.UnitShare, transform.UnitDays, transform.UnitCount, transform.UnitRate, transform.UnitIndex, transform.UnitMean} {
		fc := model.ExcelFormat(u)
		st.value[u], _ = b.f.NewStyle(&excelize.Style{CustomNumFmt: &fc, Font: &excelize.Font{Bold: true, Size: 13, Family: "Calibri"},
			Alignment: &excelize.Alignment{Vertical: "center"}})
	}
	return st
}

// centred is the style id with vertical centring added.
func (st *steeringStyle) centred(id int) int {
	if c, ok := st.cache[id]; ok {
		return c
	}
	style, err := st.b.f.GetStyle(id)
	if err != nil || style == nil {
		style = &excelize.Style{}
	}
	if style.Alignment == nil {
		style.Alignment = &excelize.Alignment{}
	}
	style.Alignment.Vertical = "center"
	style.Alignment.WrapText = true
	c, err := st.b.f.NewStyle(style)
	if err != nil {
		c = id
	}
	st.cache[id] = c
	return c
}
