// Package html writes the self-contained HTML chart report: one file per
// period (and per municipality), with the echarts library inlined so that
// it works from a file, offline, with no request of any kind. Every number
// comes from reports/model, which holds the catalogue's values already
// through the small-number rule; this package formats and draws them and
// computes nothing.
package html

import (
	"fmt"
	"io"
	"strings"

	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

// Options change how the report is written.
type Options struct {
	// Lang is "sv" (default) or "en": headings, axis names and KPI names
	// (the catalogue's name_en). Group labels (municipalities, codes) are
	// the catalogue's Swedish labels in both.
	Lang string
}

// Write writes the Swedish report for r to w.
func Write(w io.Writer, r *model.Report) error {
	return WriteOptions(w, r, Options{})
}

// WriteOptions writes the report for r to w in the language of o.
func WriteOptions(w io.Writer, r *model.Report, o Options) error {
	if r == nil {
		return fmt.Errorf("html report: no report data")
	}
	switch o.Lang {
	case "", "sv":
		o.Lang = "sv"
	case "en":
	default:
		return fmt.Errorf("html report: language %q: want sv or en", o.Lang)
	}
	lib, err := library()
	if err != nil {
		return err
	}
	p, err := build(r, o.Lang)
	if err != nil {
		return err
	}
	p.Library = lib
	p.Script = inlineSafe(pageScript)
	return render(w, p)
}

// builder holds what the section builders share.
type builder struct {
	r       *model.Report
	lang    string
	vals    values
	periods []string
	period  string
	// hb and hg are the breakdown and group of the report's own figures:
	// the total (of the municipality's scope in its report).
	hb, hg string
	// scope is the municipality of a municipality's report.
	scope string
}

func build(r *model.Report, lang string) (*page, error) {
	b := &builder{r: r, lang: lang, period: r.Meta.Period.Label, hb: "total"}
	// A municipality's own figures are the totals and breakdowns of its
	// scope; the comparison by municipality is the region's.
	b.scope = r.Meta.Municipality
	for _, q := range r.Meta.Trend {
		b.periods = append(b.periods, q.Label)
	}
	b.vals = b.index()

	scope := r.Meta.Scope()
	p := &page{
		Lang:     lang,
		Title:    tr(lang, "SIP-rapport", "SIP report") + " " + b.period + " – " + scope,
		Subtitle: tr(lang, "Hur väl SIP-processen följs: samordnad individuell plan", "How well the SIP process is followed: coordinated individual plans"),
		Meta:     b.meta(),
		Legend: []metaItem{
			{suppressMark(), fmt.Sprintf(tr(lang, "för få för att visas (färre än %d), även dolt så att ett dolt värde inte kan räknas fram", "too few to show (fewer than %d), also hidden so that a hidden value cannot be worked out"), r.Meta.Threshold)},
			{markMissing, tr(lang, "uppgift saknas (ingen data eller inget att beräkna)", "no data (not delivered, or nothing to compute)")},
			{"", tr(lang, "I diagrammen visas båda som en lucka; tabellen under varje diagram visar tecknet.", "Charts show both as a gap; the table under each chart shows the mark.")},
		},
		Footer: fmt.Sprintf(tr(lang, "Skapad %s av sipstat. Alla värden kommer från KPI-katalogen (samma som kommandot kpi --suppress). Sidan hämtar ingenting från internet.", "Created %s by sipstat. Every value comes from the KPI catalogue (the same as the kpi --suppress command). The page fetches nothing from the internet."), r.Meta.Created.Format("2006-01-02 15:04")),
	}
	p.Highlights = r.Highlights(lang)
	p.Steering = b.steering()
	p.Definitions = b.definitions()
	steps := []func() (section, error){
		b.coverageSection, b.compareSection, b.attendanceSection, b.participationSection, b.goalsSection,
		b.followUpSection, b.deviationsSection, b.waysSection, b.surveySection,
		b.funnelSection, b.mappingSection, b.qualitySection, b.summarySection,
	}
	for _, step := range steps {
		s, err := step()
		if err != nil {
			return nil, err
		}
		if len(s.Charts) > 0 || len(s.Tables) > 0 {
			p.Sections = append(p.Sections, s)
		}
	}
	p.TOC = append(p.TOC, tocItem{"sammanfattning", tr(lang, "Sammanfattning", "Summary")})
	for _, s := range p.Sections {
		p.TOC = append(p.TOC, tocItem{s.ID, s.Title})
	}
	p.TOC = append(p.TOC, tocItem{"definitioner", tr(lang, "Definitioner", "Definitions")})
	return p, nil
}

// steering is the summary's table: the catalogue's headline KPIs with
// value, count, latest final value, last year, the change against it, the
// reference and the target status.
func (b *builder) steering() steeringView {
	m := b.r.Meta
	ref := tr(b.lang, "Riket", "Sweden")
	if m.Municipality != "" {
		ref = tr(b.lang, "Regionen", "Region")
	}
	v := steeringView{Head: []string{tr(b.lang, "Nyckeltal", "Indicator"), tr(b.lang, "Värde ", "Value ") + m.Period.Label,
		tr(b.lang, "Underlag", "Basis"), tr(b.lang, "Senaste slutliga", "Latest final"),
		tr(b.lang, "Samma kvartal i fjol", "Same quarter last year"), tr(b.lang, "Jämfört med i fjol", "Against last year"),
		ref, tr(b.lang, "Mål och status", "Target and status")}}
	for _, k := range b.r.SteeringKPIs() {
		fam := b.r.FamilyLabel(b.lang, k.Family)
		row := steeringRow{ID: k.ID, Name: b.name(k), Family: fam}
		cls := "value"
		if k.Current.Preliminary {
			cls += " prel"
		}
		final := "= " + tr(b.lang, "värdet", "the value")
		if k.Current.Preliminary && k.FinalPeriod != "" {
			final = k.Final.Text(k.Unit, b.lang) + " (" + k.FinalPeriod + ")"
		}
		row.Cells = []steeringCell{
			{v.Head[1], k.Current.Text(k.Unit, b.lang), cls},
			{v.Head[2], k.Current.Basis(k.Unit, b.lang), "basis"},
			{v.Head[3], final, "final"},
			{v.Head[4], k.YearAgo.Text(k.Unit, b.lang), ""},
			{v.Head[5], changeText(k.Change, b.lang), k.Change},
			{v.Head[6], k.Reference.Text(k.Unit, b.lang), ""},
			{v.Head[7], b.statusLine(k), string(k.Status)},
		}
		if !b.r.HasReference() {
			row.Cells = append(row.Cells[:5:5], row.Cells[6])
		}
		v.Rows = append(v.Rows, row)
	}
	if !b.r.HasReference() {
		// No reference to show: the column goes.
		v.Head = append(v.Head[:6:6], v.Head[7])
	}
	return v
}

func changeText(c, lang string) string {
	switch c {
	case model.ChangeBetter:
		return "▲ " + tr(lang, "Bättre", "Better")
	case model.ChangeWorse:
		return "▼ " + tr(lang, "Sämre", "Worse")
	case model.ChangeUnchanged:
		return "● " + tr(lang, "Oförändrat", "Unchanged")
	}
	return "–"
}

func (b *builder) statusLine(k *model.KPI) string {
	st := k.Status.LabelSV()
	if b.lang == "en" {
		st = k.Status.LabelEN()
	}
	if k.Target == nil || !finite(k.Target) {
		return st
	}
	op := "≥ "
	if k.Direction == "lower" {
		op = "≤ "
	}
	return op + formatNumber(*k.Target, k.Unit, b.lang) + ": " + st
}

// definitions lists every KPI but the audit's per-question ones with its
// plain definition.
func (b *builder) definitions() []definition {
	var out []definition
	for _, k := range b.r.KPIs {
		if !k.Headline && strings.HasPrefix(k.ID, "survey_") {
			continue
		}
		fam, famEN := b.r.FamilyLabel("sv", k.Family), b.r.FamilyLabel("en", k.Family)
		text := k.DefinitionSV
		unit := k.UnitSV
		dir := map[string]string{"higher": "högre är bättre", "lower": "lägre är bättre"}[k.Direction]
		if b.lang == "en" {
			fam, unit = famEN, k.UnitEN
			if k.DefinitionEN != "" {
				text = k.DefinitionEN
			}
			dir = map[string]string{"higher": "higher is better", "lower": "lower is better"}[k.Direction]
		}
		if unit == "" {
			unit = string(k.Unit)
		}
		out = append(out, definition{ID: k.ID, Name: b.name(k), Family: fam, Unit: unit, Direction: dir, Text: text})
	}
	return out
}

func suppressMark() string { return markSuppressed }

// index turns the model's figures into values keyed like kpi_values rows,
// so each drawn number keeps the key of the catalogue value it shows.
func (b *builder) index() values {
	m := values{}
	put := func(period, kpi, breakdown, group, label string, f model.Figure) {
		v := &transform.Value{Period: period, KPIID: kpi, Breakdown: breakdown, Group: group, GroupLabel: label,
			Value: f.Value, N: f.N, Suppressed: f.Suppressed, NoData: f.NoData, Preliminary: f.Preliminary}
		m[key{period, kpi, breakdown, group}] = v
	}
	for _, k := range b.r.KPIs {
		for _, pt := range k.Trend {
			put(pt.Period, k.ID, b.hb, b.hg, "", pt.Figure)
		}
		for _, br := range k.Breakdowns {
			for _, g := range br.Groups {
				put(b.period, k.ID, br.Name, g.Code, b.groupLabel(br.Name, g), g.Figure)
			}
		}
	}
	byQuarter := []struct {
		m         model.Matrix
		breakdown string
	}{{b.r.Attendance, "org_type"}, {b.r.Absence, "org_type"}, {b.r.Deviations, "category"}}
	for _, bq := range byQuarter {
		if len(bq.m.KPIIDs) == 0 {
			continue
		}
		for _, row := range bq.m.Rows {
			for ci, col := range bq.m.Columns {
				if ci < len(row.Cells) {
					put(col, bq.m.KPIIDs[0], bq.breakdown, row.Code, b.groupLabel(bq.breakdown, model.Group{Code: row.Code, Label: row.Label}), row.Cells[ci])
				}
			}
		}
	}
	return m
}

func (b *builder) kpi(id string) *model.KPI { return b.r.KPI(id) }

// name is a KPI's name in the report's language.
func (b *builder) name(k *model.KPI) string {
	if b.lang == "en" && k.NameEN != "" && k.NameEN != k.ID {
		return k.NameEN
	}
	return k.NameSV
}

// series returns the specs of the KPIs the catalogue has, in the given order.
func (b *builder) series(ids ...string) []seriesSpec {
	var out []seriesSpec
	for _, id := range ids {
		if k := b.kpi(id); k != nil {
			out = append(out, seriesSpec{KPI: id, Name: b.name(k)})
		}
	}
	return out
}

// unitAxis names a value axis with its unit.
func (b *builder) unitAxis(u transform.Unit) string {
	if n, ok := unitAxes[u]; ok {
		return tr(b.lang, n[0], n[1])
	}
	return string(u)
}

// unitAxes are the value axes' names by unit, in Swedish and English.
var unitAxes = map[transform.Unit][2]string{
	transform.UnitShare: {"Andel (%)", "Share (%)"},
	transform.UnitDays:  {"Dagar", "Days"},
	transform.UnitCount: {"Antal", "Count"},
	transform.UnitRate:  {"Per 100 möten / 10 000 inv.", "Per 100 meetings / 10,000 inhabitants"},
	transform.UnitIndex: {"Index (0–100)", "Index (0–100)"},
	transform.UnitMean:  {"Medelvärde", "Mean"},
}

func (b *builder) meta() []metaItem {
	m := b.r.Meta
	items := []metaItem{
		{tr(b.lang, "Period", "Period"), fmt.Sprintf("%s (%s – %s)", m.Period.Label, m.Period.Start.Format("2006-01-02"), m.Period.End.Format("2006-01-02"))},
		{tr(b.lang, "Region", "Region"), m.RegionName},
	}
	if m.Municipality != "" {
		items = append(items, metaItem{tr(b.lang, "Kommun", "Municipality"), m.MunicipalityName + " (" + m.Municipality + ")"})
	}
	items = append(items,
		metaItem{tr(b.lang, "Data till och med", "Data as of"), m.AsOf.Format("2006-01-02")},
		metaItem{tr(b.lang, "Trender", "Trends"), fmt.Sprintf("%s – %s", b.periods[0], b.periods[len(b.periods)-1])},
	)
	var srcs []string
	for _, s := range m.Sources {
		srcs = append(srcs, fmt.Sprintf("%s (%s)", s.Name, s.ExtractedAt.Format("2006-01-02")))
	}
	if len(srcs) > 0 {
		items = append(items, metaItem{tr(b.lang, "Källor", "Sources"), strings.Join(srcs, ", ")})
	}
	return items
}

// cardKPIs are the headline row: the questions a steering group asks
// first. Those the catalogue lacks are left out.
var cardKPIs = []string{
	"coverage", "within_target_share", "lead_time_median_days", "summoned_attendance_share",
	"individual_present_share", "goal_achieved_share", "followup_on_time_share", "video_share",
	"needs_detected", "meetings_held", "deviations",
}

func (b *builder) cards() []card {
	var out []card
	for _, id := range cardKPIs {
		k := b.kpi(id)
		if k == nil {
			continue
		}
		out = append(out, b.card(k))
	}
	if len(out) == 0 {
		for _, k := range b.r.KPIs {
			if k.Headline && len(out) < 8 {
				out = append(out, b.card(k))
			}
		}
	}
	return out
}

func (b *builder) card(k *model.KPI) card {
	c := card{
		ID: k.ID, Name: b.name(k),
		Value:    figureText(k.Current, k.Unit, b.lang),
		Status:   string(k.Status),
		Previous: figureText(k.Previous, k.Unit, b.lang),
		YearAgo:  figureText(k.YearAgo, k.Unit, b.lang),
	}
	if b.lang == "en" {
		c.StatusText = k.Status.LabelEN()
	} else {
		c.StatusText = k.Status.LabelSV()
	}
	c.Symbol = statusSymbol(k.Status)
	if k.Target != nil && finite(k.Target) {
		dir := "≥ "
		if k.Direction == "lower" {
			dir = "≤ "
		}
		c.Target = dir + formatNumber(*k.Target, k.Unit, b.lang)
	}
	return c
}

// statusSymbol carries a target status in shape as well as colour, for
// grey-scale print and colour-blind readers.
func statusSymbol(s model.Status) string {
	switch s {
	case model.StatusMet:
		return "✔"
	case model.StatusNotMet:
		return "✘"
	case model.StatusSuppressed:
		return markSuppressed
	case model.StatusNoData:
		return markMissing
	}
	return "○"
}

func figureText(f model.Figure, u transform.Unit, lang string) string {
	v := transform.Value{Value: f.Value, Suppressed: f.Suppressed, NoData: f.NoData}
	return cellText(&v, u, lang)
}

// target returns a KPI's target, or nil.
func (b *builder) target(id string) *float64 {
	if k := b.kpi(id); k != nil && k.Target != nil && finite(k.Target) {
		return k.Target
	}
	return nil
}

// referenceLine returns a KPI's reference line (not a target), or nil.
func (b *builder) referenceLine(id string) *float64 {
	if k := b.kpi(id); k != nil && k.ReferenceLine != nil && finite(k.ReferenceLine) {
		return k.ReferenceLine
	}
	return nil
}

// add appends a chart with its caption to s, or an error.
func (b *builder) add(s *section, c chart, err error, caption string) error {
	if err != nil {
		return err
	}
	if b.scope != "" {
		for i := range c.Points {
			pt := &c.Points[i]
			if (pt.Source == "" || pt.Source == "kpi_spc") && pt.KPI != "" && pt.Breakdown != "municipality" && pt.Breakdown != "region" {
				pt.Scope = b.scope
			}
		}
	}
	cv, err := newChartView(c, caption)
	if err != nil {
		return err
	}
	s.Charts = append(s.Charts, cv)
	return nil
}

// trend adds a trend chart of the KPIs the catalogue has (none: no chart).
func (b *builder) trend(s *section, id, title string, unit transform.Unit, target *float64, bars, stacked bool, caption string, ids ...string) error {
	ser := b.series(ids...)
	if len(ser) == 0 {
		return nil
	}
	c, err := trendChart(trendSpec{
		ID: id, Title: title, Desc: b.trendDesc(ser), YName: b.unitAxis(unit), Unit: unit, Periods: b.periods,
		Breakdown: b.hb, Group: b.hg, Series: ser, Target: target, Bars: bars, Stacked: stacked, Lang: b.lang,
	}, b.vals)
	return b.add(s, c, err, caption)
}

// trendDesc is a trend chart's subtitle; the series are named in the legend.
func (b *builder) trendDesc(ser []seriesSpec) string {
	if len(ser) == 1 {
		return fmt.Sprintf(tr(b.lang, "%s per kvartal, %s–%s", "%s by quarter, %s–%s"), ser[0].Name, b.periods[0], b.periods[len(b.periods)-1])
	}
	return fmt.Sprintf(tr(b.lang, "Per kvartal, %s–%s", "By quarter, %s–%s"), b.periods[0], b.periods[len(b.periods)-1])
}

// targetNote explains the dashed line when the KPI has a target.
func (b *builder) targetNote(id string) string {
	t := b.target(id)
	if t == nil {
		return ""
	}
	k := b.kpi(id)
	return fmt.Sprintf(tr(b.lang, " Streckad linje: målet %s.", " Dashed line: the target %s."), formatNumber(*t, k.Unit, b.lang))
}

func (b *builder) ownFigures() string {
	if b.r.Meta.Municipality != "" {
		return fmt.Sprintf(tr(b.lang, "Värden för %s.", "Figures for %s."), b.r.Meta.MunicipalityName)
	}
	if b.national() {
		return tr(b.lang, "Värden för riket.", "Figures for the whole country.")
	}
	return tr(b.lang, "Värden för hela regionen.", "Figures for the whole region.")
}

// regionWide was a caveat for municipality reports whose breakdowns were
// the region's; they are now the municipality's own (its scope).
func (b *builder) regionWide() string { return "" }

// national reports whether the database holds several regions.
func (b *builder) national() bool {
	if k := b.r.KPI("needs_detected"); k != nil {
		if br := k.Breakdown("region"); br != nil && len(br.Groups) > 1 {
			return true
		}
	}
	return false
}

// hasBreakdown reports whether a KPI has the named breakdown in the period.
func (b *builder) hasBreakdown(id, breakdown string) bool {
	k := b.kpi(id)
	return k != nil && k.Breakdown(breakdown) != nil
}
