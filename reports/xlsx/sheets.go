package xlsx

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// mapping writes the mapping assignment's nine questions, each with a
// sentence on what the data show (or that the extract cannot answer it)
// and the figures with their counts, ordered by value.
func (b *book) mapping() error {
	s, err := b.newSheet(b.w.Mapping)
	if err != nil {
		return err
	}
	m := b.r.Meta
	s.str(1, 1, fmt.Sprintf("%s – %s – %s", b.w.Mapping, m.Period.Label, m.Scope()), b.title)
	s.str(1, 2, b.w.MappingIntro+fmt.Sprintf(` ".." = %s, "." = %s, "-" = %s.`, b.w.MarkSuppressed, b.w.MarkNotApplicable, b.w.MarkNoData), b.subtitle)
	widths := []float64{46, 34, 12, 16}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	merged := func(row int, text string, style int) {
		s.str(1, row, text, style)
		s.fail(b.f.MergeCell(s.name, cell(1, row), cell(4, row)))
		s.fail(b.f.SetRowHeight(s.name, row, wrappedHeight(text, int(total*1.05))))
	}
	row := 3
	for qi, q := range b.r.Mapping {
		row += 2
		text := q.TextSV
		if b.lang == "en" {
			text = q.TextEN
		}
		s.str(1, row, fmt.Sprintf("%d. %s", qi+1, text), b.textBold)
		if f := q.Finding(b.lang); f != "" {
			row++
			merged(row, f, b.wrap)
		}
		if o := q.Open(b.lang); o != "" {
			row++
			merged(row, o, b.note)
		}
		if len(q.Answers) == 0 {
			continue
		}
		row++
		s.headers(1, row, b.w.KPI, b.w.Group, b.w.Value+" "+m.Period.Label, b.w.Basis)
		for _, a := range q.Answers {
			k := a.KPI
			if a.Breakdown == "" {
				row++
				s.str(1, row, b.kpiName(k), b.text)
				s.str(2, row, b.w.Total, b.text)
				s.figure(3, row, k.Current, k.Unit, true)
				s.str(4, row, k.Current.Basis(k.Unit, b.lang), b.small)
				continue
			}
			i := 0
			for _, g := range a.Rows() {
				if g.Figure.NotApplicable {
					continue // nothing to measure for this group
				}
				row++
				i++
				if i == 1 {
					s.str(1, row, b.kpiName(k)+" – "+b.breakdownLabel(a.Breakdown), b.text)
				}
				s.str(2, row, b.groupLabel(a.Breakdown, g), b.text)
				s.figure(3, row, g.Figure, k.Unit, false)
				s.str(4, row, g.Figure.Basis(k.Unit, b.lang), b.small)
			}
		}
	}
	s.widths(widths...)
	s.portrait()
	return s.err
}

// quality writes rows read/loaded/rejected per file, rejects per reason,
// warnings, flags per rule and what each KPI left out.
func (b *book) quality() error {
	s, err := b.newSheet(b.w.Quality)
	if err != nil {
		return err
	}
	q := b.r.Quality
	s.str(1, 1, fmt.Sprintf("%s – %s", b.w.Quality, sourceText(b.r.Meta, b.w)), b.title)
	row := 3
	s.str(1, row, b.w.Files, b.textBold)
	row++
	head := row
	s.headers(1, row, b.w.Source, b.w.Table, b.w.File, b.w.Format, b.w.RowsRead, b.w.RowsLoaded, b.w.RowsRejected)
	count := b.num[transform.UnitCount]
	for _, f := range q.Files {
		row++
		s.str(1, row, f.Source, b.text)
		s.str(2, row, f.Table, b.text)
		s.str(3, row, f.File, b.text)
		s.str(4, row, f.Format, b.text)
		s.int(5, row, f.Read, count)
		s.int(6, row, f.Loaded, count)
		s.int(7, row, f.Rejected, count)
	}
	s.table("filer", 1, head, 7, row)

	row += 2
	s.str(1, row, b.w.RejectsTitle, b.textBold)
	row++
	head = row
	s.headers(1, row, b.w.Source, b.w.Table, b.w.File, b.w.Column, b.w.Reason, b.w.Rows)
	for _, r := range q.Rejects {
		row++
		s.str(1, row, r.Source, b.text)
		s.str(2, row, r.Table, b.text)
		s.str(3, row, r.File, b.text)
		s.str(4, row, r.Column, b.text)
		s.str(5, row, r.ReasonText(b.lang), b.wrap)
		s.int(6, row, r.Rows, count)
	}
	s.table("avvisade", 1, head, 6, row)

	if len(q.Warnings) > 0 {
		row += 2
		s.str(1, row, b.w.Warnings, b.textBold)
		row++
		head = row
		s.headers(1, row, b.w.Source, b.w.File, b.w.Message)
		for _, w := range q.Warnings {
			row++
			s.str(1, row, w.Source, b.text)
			s.str(2, row, w.File, b.text)
			s.str(3, row, w.Message, b.text)
		}
		s.table("varningar", 1, head, 3, row)
	}

	row += 2
	s.str(1, row, b.w.Flags, b.textBold)
	row++
	head = row
	s.headers(1, row, b.w.Rule, b.w.Table, b.w.Description, b.w.Rows)
	for _, f := range q.Flags {
		row++
		s.str(1, row, f.Rule, b.text)
		s.str(2, row, f.Table, b.text)
		s.str(3, row, f.Description, b.text)
		s.int(4, row, f.Rows, count)
	}
	s.table("flaggor", 1, head, 4, row)

	row += 2
	s.str(1, row, b.w.ExcludedTitle, b.textBold)
	row++
	s.str(1, row, b.w.ExcludedNote+" "+b.r.Meta.Period.Label+". "+b.w.ExcludedNone, b.subtitle)
	row++
	head = row
	s.headers(1, row, b.w.ID, b.w.KPI, b.w.Excluded)
	for _, e := range q.Excluded {
		if e.Excluded == 0 {
			continue
		}
		row++
		s.str(1, row, e.KPIID, b.text)
		name := e.NameSV
		if k := b.r.KPI(e.KPIID); k != nil {
			name = b.kpiName(k)
		}
		s.str(2, row, name, b.text)
		s.int(3, row, e.Excluded, count)
	}
	s.table("utelamnade", 1, head, 3, row)
	s.widths(44, 40, 46, 20, 62, 14, 14)
	s.freeze(1, 5)
	s.print()
	return s.err
}

// definitions writes every KPI's definition and the legend.
func (b *book) definitions() error {
	s, err := b.newSheet(b.w.Definitions)
	if err != nil {
		return err
	}
	s.str(1, 1, b.w.Definitions, b.title)
	m := b.r.Meta
	s.str(1, 2, fmt.Sprintf(b.w.SuppressionRule, m.Threshold-1, m.Threshold), b.subtitle)
	s.str(1, 3, `".." = `+b.w.MarkSuppressed+`;  "-" = `+b.w.MarkNoData, b.subtitle)
	head := 5
	s.headers(1, head, b.w.ID, b.w.KPI, b.w.Family, b.w.Definition, b.w.Unit, b.w.Direction, b.w.Target, b.w.TargetSource)
	family := map[string]string{}
	for _, f := range b.r.Families {
		family[f.ID] = f.NameSV
		if b.lang == "en" {
			family[f.ID] = f.NameEN
		}
	}
	row := head
	// The KPIs that detail another (quartiles, the audit's per-question
	// figures) come last, below the print area.
	kpis := make([]*model.KPI, 0, len(b.r.KPIs))
	for _, k := range b.r.KPIs {
		if k.Headline {
			kpis = append(kpis, k)
		}
	}
	printed := len(kpis)
	for _, k := range b.r.KPIs {
		if !k.Headline {
			kpis = append(kpis, k)
		}
	}
	printEnd := head
	for i, k := range kpis {
		if i == printed {
			printEnd = row
		}
		row++
		def := k.DefinitionSV
		if b.lang == "en" && k.DefinitionEN != "" {
			def = k.DefinitionEN
		}
		s.str(1, row, k.ID, b.text)
		s.str(2, row, b.kpiName(k), b.wrap)
		// Excel and LibreOffice do not grow a row for wrapped text written
		// by a program, so the height follows the longest wrapped cell.
		s.fail(b.f.SetRowHeight(s.name, row, wrappedHeight(def, 68, b.kpiName(k), 38, k.TargetSource, 34)))
		s.str(3, row, family[k.Family], b.text)
		s.str(4, row, def, b.wrap)
		s.str(5, row, b.unitName(k.Unit), b.text)
		dir := b.w.NoDirection
		switch k.Direction {
		case "higher":
			dir = b.w.Higher
		case "lower":
			dir = b.w.Lower
		}
		s.str(6, row, dir, b.text)
		s.target(7, row, k)
		s.str(8, row, k.TargetSource, b.wrap)
	}
	s.table("definitioner", 1, head, 8, row)
	row += 2
	s.str(1, row, b.w.Legend, b.textBold)
	s.str(1, row+1, "..", b.mark)
	s.str(2, row+1, b.w.MarkSuppressed, b.text)
	s.str(1, row+2, "-", b.mark)
	s.str(2, row+2, b.w.MarkNoData, b.text)
	s.str(1, row+3, "0", b.mark)
	s.str(2, row+3, map[bool]string{true: "zero: shown as 0", false: "noll: visas som 0"}[b.lang == "en"], b.text)
	if printEnd == head {
		printEnd = row
	}
	s.widths(30, 40, 18, 70, 12, 10, 10, 36)
	s.freeze(3, head+1)
	s.print()
	s.printTitles(head, head)
	s.printArea(1, 1, 8, printEnd)
	return s.err
}

// values streams every published value of the period, total and every
// breakdown's groups: the long table behind the family sheets, for filtering
// and pivots. It runs to thousands of rows, so it goes through the
// StreamWriter; it has no chart (a chart added to a streamed sheet after
// Flush is silently dropped). The trends are on the family sheets; all eight
// quarters here would make the workbook four times larger and a printout of
// a thousand pages.
func (b *book) values() error {
	name := b.w.Values
	if _, err := b.f.NewSheet(name); err != nil {
		return fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	// Page setup goes before the stream: settings made after Flush are lost.
	pre := &sheet{b: b, name: name}
	pre.print()
	// A data sheet for filtering, not for paper: printing the workbook
	// prints its header row only (thousands of rows would be 75 pages).
	pre.printArea(1, 1, 8, 1)
	if pre.err != nil {
		return pre.err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	// Column widths and panes must precede the first row.
	for i, wd := range []float64{10, 30, 44, 16, 12, 30, 14, 10} {
		c := colName(i + 1)
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return fmt.Errorf("xlsx: sheet %q: column %s: %w", name, c, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	header := []any{}
	for _, h := range []string{b.w.Period, b.w.ID, b.w.KPI, b.w.Breakdown, b.w.Code, b.w.Group, b.w.Value, b.w.Unit} {
		header = append(header, excelize.Cell{StyleID: b.header, Value: h})
	}
	if err := sw.SetRow("A1", header); err != nil {
		return fmt.Errorf("xlsx: sheet %q: row 1: %w", name, err)
	}
	kpis := map[string]*model.KPI{}
	for _, k := range b.r.KPIs {
		kpis[k.ID] = k
	}
	row := 1
	for _, v := range b.r.Published {
		k := kpis[v.KPIID]
		if k == nil || v.Period != b.r.Meta.Period.Label {
			continue
		}
		row++
		group := v.GroupLabel
		if v.Breakdown == "total" {
			group = b.w.Total
		}
		var val any
		fig := model.FigureOf(v)
		if mk := fig.Mark(); mk != "" {
			val = excelize.Cell{StyleID: b.mark, Value: mk}
		} else {
			val = excelize.Cell{StyleID: b.numStyle(k.Unit, false), Value: *fig.Value}
		}
		r := []any{v.Period, v.KPIID, b.kpiName(k), v.Breakdown, v.Group, group, val, b.unitName(k.Unit)}
		if err := sw.SetRow(cell(1, row), r); err != nil {
			return fmt.Errorf("xlsx: sheet %q: row %d: %w", name, row, err)
		}
	}
	if row > 1 {
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + cell(8, row), Name: "varden", StyleName: "TableStyleLight9"}); err != nil {
			return fmt.Errorf("xlsx: sheet %q: table: %w", name, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("xlsx: sheet %q: %w", name, err)
	}
	return nil
}

// properties sets the document properties and defined names a reader or a
// document system can search on.
func (b *book) properties() error {
	m := b.r.Meta
	lang := "sv-SE"
	if b.lang == "en" {
		lang = "en-GB"
	}
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:       b.reportTitle(),
		Subject:     b.w.DocSubject + " " + m.Period.Label,
		Keywords:    "SIP; " + m.Period.Label + "; " + m.Scope(),
		Description: fmt.Sprintf("%s %s; %s %s", b.w.Period, m.Period.Label, b.w.AsOf, m.AsOf.Format("2006-01-02")),
		Category:    m.Period.Label,
		Creator:     "sipstat",
		Created:     m.Created.UTC().Format(time.RFC3339),
		Modified:    m.Created.UTC().Format(time.RFC3339),
		Language:    lang,
	})
	if err != nil {
		return fmt.Errorf("xlsx: document properties: %w", err)
	}
	return nil
}
