// Package xlsx writes the quarterly report as an Excel workbook: a summary,
// one sheet per KPI family with a municipality comparison table and native
// charts, the mapping assignment's answers, data quality, definitions, and
// every published value. It renders a model.Report and computes nothing: every
// number is a catalogue value after the small-number rule.
package xlsx

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// Options say how to write the workbook.
type Options struct {
	// Lang is "sv" (default) or "en".
	Lang string
}

// SheetNames returns the workbook's sheet names in order for a report: the
// summary, one per family, then mapping, data quality, definitions, values.
func SheetNames(r *model.Report, lang string) []string {
	w := wordsFor(lang)
	names := []string{w.Summary, w.Overview}
	for _, f := range r.Families {
		names = append(names, familySheet(f, lang))
	}
	return append(names, w.Mapping, w.Quality, w.Definitions, w.Values)
}

func wordsFor(lang string) *words {
	if lang == "en" {
		return &en
	}
	return &sv
}

// familySheet is a family's sheet name: its Swedish (or English) name, cut to
// Excel's 31 characters and stripped of the characters Excel forbids.
func familySheet(f model.Family, lang string) string {
	name := f.NameSV
	if lang == "en" {
		name = f.NameEN
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	if rs := []rune(name); len(rs) > 31 {
		name = string(rs[:31])
	}
	return name
}

// Write writes the report's workbook to w.
func Write(w io.Writer, r *model.Report, opts Options) error {
	b, err := newBook(r, opts.Lang)
	if err != nil {
		return err
	}
	defer b.f.Close()
	steps := []func() error{b.summary, b.overview}
	for i := range r.Families {
		f := &r.Families[i]
		steps = append(steps, func() error { return b.family(f) })
	}
	// The summary is made the active sheet and the default "Sheet1" removed
	// before the values sheet is streamed: both walk every worksheet, and a
	// streamed sheet would be parsed back from its XML (tens of MB at
	// national scale) and then marshalled again on write.
	steps = append(steps, b.mapping, b.quality, b.definitions, b.activate, b.values, b.properties)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("xlsx: write workbook: %w", err)
	}
	return nil
}

// activate makes the first sheet (the summary) the one a reader opens on and
// deletes excelize's default "Sheet1". It runs before the values sheet is
// streamed, so neither call reads that sheet back.
func (b *book) activate() error {
	b.f.SetActiveSheet(0)
	if err := b.f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// book is a workbook being written, with its styles.
type book struct {
	f    *excelize.File
	r    *model.Report
	lang string
	w    *words

	title, subtitle, header, headerWrap, text, textBold, wrap, mark, markBold int
	num                                                                       map[transform.Unit]int
	numBold                                                                   map[transform.Unit]int
	statusMet, statusNotMet, statusOther, spark, prel, small, note, ownRow    int
	tables                                                                    map[string]bool
}

func newBook(r *model.Report, lang string) (*book, error) {
	b := &book{f: excelize.NewFile(), r: r, lang: lang, w: wordsFor(lang), tables: map[string]bool{},
		num: map[transform.Unit]int{}, numBold: map[transform.Unit]int{}}
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = b.f.NewStyle(s)
		return id
	}
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Color: color, Family: "Calibri"}
	}
	bottom := []excelize.Border{{Type: "bottom", Color: "4472C4", Style: 1}}
	b.title = style(&excelize.Style{Font: font(true, 16, "1F3864")})
	b.subtitle = style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10, Color: "595959", Family: "Calibri"}})
	b.header = style(&excelize.Style{Font: font(true, 11, "FFFFFF"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: bottom})
	b.headerWrap = b.header
	b.text = style(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "top"}})
	b.textBold = style(&excelize.Style{Font: font(true, 12, "1F3864"), Alignment: &excelize.Alignment{Vertical: "top"}})
	b.wrap = style(&excelize.Style{Font: font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	b.mark = style(&excelize.Style{Font: font(false, 11, "7F7F7F"), Alignment: &excelize.Alignment{Horizontal: "right"}})
	b.markBold = style(&excelize.Style{Font: font(true, 11, "7F7F7F"), Alignment: &excelize.Alignment{Horizontal: "right"}})
	// A slice, not a map: styles are numbered in the order they are made, so
	// the same report gives the same styles.xml every time.
	// The formats follow the one rounding rule of both outputs (model.Decimals).
	for _, u := range []transform.Unit{transform.UnitShare, transform.UnitDays, transform.UnitCount,
		transform.UnitRate, transform.UnitIndex, transform.UnitMean} {
		fc := model.ExcelFormat(u)
		b.num[u] = style(&excelize.Style{CustomNumFmt: &fc, Font: font(false, 11, "")})
		b.numBold[u] = style(&excelize.Style{CustomNumFmt: &fc, Font: font(true, 11, "")})
	}
	b.statusMet = style(&excelize.Style{Font: font(true, 11, "006100"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C6EFCE"}}})
	b.statusNotMet = style(&excelize.Style{Font: font(true, 11, "9C0006"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}})
	b.spark = style(&excelize.Style{Font: &excelize.Font{Size: 12, Color: "2F5597", Family: "DejaVu Sans Mono"}, Alignment: &excelize.Alignment{Vertical: "center"}})
	b.statusOther = style(&excelize.Style{Font: font(false, 11, "595959")})
	b.note = style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10, Color: "404040", Family: "Calibri"}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	b.ownRow = style(&excelize.Style{Font: font(true, 11, "7F3F00"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}})
	b.prel = style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10, Color: "7F4F00", Family: "Calibri"}})
	b.small = style(&excelize.Style{Font: font(false, 10, "404040"), Alignment: &excelize.Alignment{Horizontal: "right"}})
	if err != nil {
		return nil, fmt.Errorf("xlsx: styles: %w", err)
	}
	return b, nil
}

func (b *book) numStyle(u transform.Unit, bold bool) int {
	m := b.num
	if bold {
		m = b.numBold
	}
	if id, ok := m[u]; ok {
		return id
	}
	return m[transform.UnitMean]
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// abs is an absolute reference with the sheet name, as chart series need.
func abs(sheet string, col, row int) string {
	return fmt.Sprintf("'%s'!$%s$%d", strings.ReplaceAll(sheet, "'", "''"), colName(col), row)
}

func absRange(sheet string, col1, row1, col2, row2 int) string {
	return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", strings.ReplaceAll(sheet, "'", "''"), colName(col1), row1, colName(col2), row2)
}

// sheet collects the first error of a run of cell writes, so the layout
// code reads as a layout.
type sheet struct {
	b      *book
	name   string
	err    error
	charts int
}

func (b *book) newSheet(name string) (*sheet, error) {
	if _, err := b.f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	return &sheet{b: b, name: name}, nil
}

func (s *sheet) fail(err error) {
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("xlsx: sheet %q: %w", s.name, err)
	}
}

func (s *sheet) str(col, row int, v string, style int) {
	s.fail(s.b.f.SetCellStr(s.name, cell(col, row), v))
	if style != 0 {
		s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), style))
	}
}

func (s *sheet) int(col, row int, v int64, style int) {
	s.fail(s.b.f.SetCellInt(s.name, cell(col, row), v))
	if style != 0 {
		s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), style))
	}
}

// figure writes a published figure: the number with the unit's format, or
// the text ".." (suppressed) or "-" (no data).
func (s *sheet) figure(col, row int, f model.Figure, u transform.Unit, bold bool) {
	if m := f.Mark(); m != "" {
		st := s.b.mark
		if bold {
			st = s.b.markBold
		}
		s.str(col, row, m, st)
		return
	}
	s.fail(s.b.f.SetCellFloat(s.name, cell(col, row), *f.Value, -1, 64))
	s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), s.b.numStyle(u, bold)))
}

// chartValue writes a figure for a chart's data: the number, or nothing, so
// a chart leaves a gap instead of plotting text as zero.
func (s *sheet) chartValue(col, row int, f model.Figure, u transform.Unit) {
	if f.Value == nil || f.Suppressed {
		return
	}
	s.fail(s.b.f.SetCellFloat(s.name, cell(col, row), *f.Value, -1, 64))
	s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), s.b.numStyle(u, false)))
}

func (s *sheet) target(col, row int, k *model.KPI) {
	if k.Target == nil {
		s.str(col, row, "-", s.b.mark)
		return
	}
	s.fail(s.b.f.SetCellFloat(s.name, cell(col, row), *k.Target, -1, 64))
	s.fail(s.b.f.SetCellStyle(s.name, cell(col, row), cell(col, row), s.b.numStyle(k.Unit, false)))
}

func (s *sheet) headers(col, row int, names ...string) {
	for i, n := range names {
		s.str(col+i, row, n, s.b.header)
	}
}

func (s *sheet) widths(widths ...float64) {
	for i, w := range widths {
		c := colName(i + 1)
		s.fail(s.b.f.SetColWidth(s.name, c, c, w))
	}
}

// table makes an Excel table (with filter buttons) over a header row and its
// data rows. Table names must be unique in the workbook.
func (s *sheet) table(name string, col1, row1, col2, row2 int) {
	if row2 <= row1 {
		return // Excel needs at least one data row
	}
	for n := 2; s.b.tables[name]; n++ {
		name = fmt.Sprintf("%s_%d", strings.TrimRight(name, "_0123456789"), n)
	}
	s.b.tables[name] = true
	show := true
	s.fail(s.b.f.AddTable(s.name, &excelize.Table{
		Range: cell(col1, row1) + ":" + cell(col2, row2), Name: name,
		StyleName: "TableStyleLight9", ShowRowStripes: &show,
	}))
}

// freeze keeps the rows above row and the columns left of col in view.
func (s *sheet) freeze(col, row int) {
	s.fail(s.b.f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
		TopLeftCell: cell(col, row), ActivePane: "bottomRight"}))
}

// print sets A4 landscape fitted to one page width (as many pages down as
// needed).
func (s *sheet) print() {
	size, orient, wide, tall := 9, "landscape", 1, 0
	fit := true
	s.fail(s.b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
	s.fail(s.b.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	s.fail(s.b.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"-,Bold\"" + s.b.reportTitle() + "&R&A",
		OddFooter: "&L" + s.b.w.Created + " " + s.b.r.Meta.Created.Format("2006-01-02") + "&R" + fmt.Sprintf(s.b.w.PageOf, "&P", "&N"),
	}))
}

// printArea limits what the sheet prints to a range.
func (s *sheet) printArea(col1, row1, col2, row2 int) {
	s.fail(s.b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: s.name,
		RefersTo: absRange(s.name, col1, row1, col2, row2)}))
}

// printTitles repeats rows first…last at the top of every printed page.
func (s *sheet) printTitles(first, last int) {
	q := "'" + strings.ReplaceAll(s.name, "'", "''") + "'"
	s.fail(s.b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s.name,
		RefersTo: fmt.Sprintf("%s!$%d:$%d", q, first, last)}))
}

// portrait sets A4 portrait fitted to one page width.
func (s *sheet) portrait() {
	s.print()
	orient := "portrait"
	wide, tall := 1, 0
	size := 9
	s.fail(s.b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall}))
}

func (b *book) reportTitle() string {
	return fmt.Sprintf("%s %s – %s", b.w.ReportTitle, b.r.Meta.Period.Label, b.r.Meta.Scope())
}

func (b *book) kpiName(k *model.KPI) string {
	if b.lang == "en" && k.NameEN != "" {
		return k.NameEN
	}
	return k.NameSV
}

// breakdownLabel is a breakdown's heading in the report's language.
func (b *book) breakdownLabel(name string) string {
	return b.r.BreakdownName(b.lang, name)
}

// groupLabel is a group's label in the report's language.
func (b *book) groupLabel(breakdown string, g model.Group) string {
	return b.r.GroupLabel(b.lang, breakdown, g)
}

func (b *book) unitName(u transform.Unit) string {
	if n, ok := b.w.Units[string(u)]; ok {
		return n
	}
	return string(u)
}

// tableName is an ASCII table name Excel accepts.
func tableName(parts ...string) string {
	var sb strings.Builder
	for i, p := range parts {
		if i > 0 {
			sb.WriteByte('_')
		}
		for _, r := range p {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
				sb.WriteRune(r)
			}
		}
	}
	return sb.String()
}

// wrappedHeight is the row height in points that shows every (text, width
// in characters) pair wrapped in full, at 11-point text.
func wrappedHeight(pairs ...any) float64 {
	lines := 1
	for i := 0; i+1 < len(pairs); i += 2 {
		text, _ := pairs[i].(string)
		width, _ := pairs[i+1].(int)
		if width <= 0 {
			continue
		}
		n := (len([]rune(text)) + width - 1) / width
		lines = max(lines, n)
	}
	return 15 * float64(lines)
}
