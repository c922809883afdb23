package html

import (
	"fmt"
	"strings"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

func (b *builder) coverageSection() (section, error) {
	s := section{ID: "genomforande", Title: tr(b.lang, "Genomförande och ledtider", "Coverage and lead times"),
		Intro: tr(b.lang, "Hur stor del av de upptäckta behoven som lett till ett SIP-möte, och hur snabbt.", "How many detected needs led to a SIP meeting, and how fast.")}
	if err := b.trend(&s, "chart-coverage-trend", tr(b.lang, "Genomförandegrad och andel inom målet", "Coverage and share within target"),
		transform.UnitShare, b.target("coverage"), false, false,
		b.ownFigures()+b.targetNote("coverage"),
		"coverage", "within_target_share"); err != nil {
		return s, err
	}

	if err := b.leadTimeByContext(&s); err != nil {
		return s, err
	}

	for _, id := range []string{"within_target_share", "coverage"} {
		k := b.kpi(id)
		if k == nil || k.Breakdown("municipality") == nil {
			continue
		}
		dir := k.Direction
		if dir != "lower" {
			dir = "higher"
		}
		by, title, cat := "municipality", tr(b.lang, "%s per kommun", "%s by municipality"), tr(b.lang, "Kommun", "Municipality")
		refName := tr(b.lang, "Regionen", "Region")
		if b.national() {
			by, title, cat = "region", tr(b.lang, "%s per län", "%s by county"), tr(b.lang, "Län", "County")
			refName = tr(b.lang, "Riket", "Sweden")
		}
		var ref *float64
		if k.RegionTotal.Shown() {
			ref = k.RegionTotal.Value
		}
		c, err := barChart(barSpec{
			ID: "chart-municipalities", Title: fmt.Sprintf(title, b.name(k)),
			Desc:      fmt.Sprintf(tr(b.lang, "Sorterade efter värde, bäst först, %s", "Sorted by value, best first, %s"), b.period),
			ValueName: b.unitAxis(k.Unit), CategoryName: cat, Unit: k.Unit,
			Period: b.period, Breakdown: by, Series: []seriesSpec{{KPI: id, Name: b.name(k)}},
			Target: b.target(id), Horizontal: true, SortByFirst: dir, MaxGroups: 30,
			Highlight: b.r.Meta.Municipality, Reference: ref, RefName: refName, Lang: b.lang,
		}, b.vals)
		caption := tr(b.lang, "Bäst först; med dolt värde (..) eller utan värde (-) sist; fler än 30: de 15 bästa och de 15 sämsta. Prickad linje: ",
			"Best first; hidden (..) or missing (-) last; more than 30: the 15 best and the 15 worst. Dotted line: ") + refName + "." + b.targetNote(id)
		if b.r.Meta.Municipality != "" {
			caption += " " + fmt.Sprintf(tr(b.lang, "%s i orange.", "%s in orange."), b.r.Meta.MunicipalityName)
		}
		caption += " " + tr(b.lang, "En rangordning säger inte om skillnaderna är större än slumpen: se trattdiagrammet.",
			"A ranking does not say whether differences exceed chance: see the funnel plot.")
		if err := b.add(&s, c, err, caption); err != nil {
			return s, err
		}
		break
	}
	return s, nil
}

func (b *builder) attendanceSection() (section, error) {
	s := section{ID: "narvaro", Title: tr(b.lang, "Närvaro", "Attendance"),
		Intro: tr(b.lang, "Vilka verksamheter som kommer när de kallas, kvartal för kvartal.", "Which organisations attend when summoned, quarter by quarter.")}
	for _, hm := range []struct {
		id string
		m  model.Matrix
	}{{"chart-attendance-heatmap", b.r.Attendance}, {"chart-absence-heatmap", b.r.Absence}} {
		if len(hm.m.KPIIDs) == 0 || len(hm.m.Rows) == 0 {
			continue
		}
		// Organisation types never summoned in the eight quarters would be
		// rows of empty cells; they are left out of the heat map.
		var groups []category
		for _, row := range hm.m.Rows {
			if b.anyFigure(hm.m.KPIIDs[0], "org_type", row.Code, hm.m.Columns) {
				groups = append(groups, category{Code: row.Code, Label: b.groupLabel("org_type", model.Group{Code: row.Code, Label: row.Label})})
			}
		}
		if len(groups) == 0 {
			continue
		}
		title := hm.m.TitleSV
		if b.lang == "en" {
			title = hm.m.TitleEN
		}
		c, err := heatChart(heatSpec{
			ID: hm.id, Title: title, Desc: fmt.Sprintf(tr(b.lang, "Verksamhet × kvartal, %s–%s", "Organisation type × quarter, %s–%s"), b.periods[0], b.periods[len(b.periods)-1]),
			RowName: tr(b.lang, "Verksamhet", "Organisation type"), KPI: hm.m.KPIIDs[0], Unit: hm.m.Unit, Breakdown: "org_type",
			Periods: hm.m.Columns, Groups: groups, Direction: b.kpi(hm.m.KPIIDs[0]).Direction, Lang: b.lang,
		}, b.vals)
		caption := tr(b.lang, "Röd ruta = sämst, grön = bäst (skalan går från lägsta till högsta värdet). Tomma rutor: dolt (..), ej tillämpligt (.) eller saknas (-), se tabellen.",
			"Red cell = worst, green = best (the scale runs from the lowest to the highest value). Empty cells: hidden (..), not applicable (.) or missing (-), see the table.") + b.regionWide()
		if err := b.add(&s, c, err, caption); err != nil {
			return s, err
		}
	}
	if err := b.trend(&s, "chart-attendance-trend", tr(b.lang, "Närvaro bland kallade och inbjudna", "Attendance of the summoned and the invited"),
		transform.UnitShare, b.target("summoned_attendance_share"), false, false, b.ownFigures(),
		"summoned_attendance_share", "invited_attendance_share", "summoned_absent_share"); err != nil {
		return s, err
	}
	return s, nil
}

func (b *builder) participationSection() (section, error) {
	s := section{ID: "delaktighet", Title: tr(b.lang, "Delaktighet", "Participation"),
		Intro: tr(b.lang, "Om den enskilde och barnet/den unga deltar i sitt eget SIP-möte.", "Whether the individual and the child take part in their own SIP meeting.")}
	err := b.trend(&s, "chart-participation-trend", tr(b.lang, "Den enskildes och barnets deltagande", "Participation of the individual and the child"),
		transform.UnitShare, nil, false, false, b.ownFigures(),
		"individual_present_share", "individual_represented_share", "child_present_share")
	return s, err
}

func (b *builder) goalsSection() (section, error) {
	s := section{ID: "mal", Title: tr(b.lang, "Måluppfyllelse", "Goal attainment"),
		Intro: tr(b.lang, "Bedömda delmål: uppfyllda, delvis uppfyllda och ej uppfyllda.", "Reviewed goals: achieved, partly achieved and not achieved.")}
	err := b.trend(&s, "chart-goals-stacked", tr(b.lang, "Bedömda delmål per kvartal", "Reviewed goals by quarter"),
		transform.UnitShare, nil, true, true,
		b.ownFigures()+" "+tr(b.lang, "Staplarna är andelar av de bedömda delmålen och summerar till 100 % där inget är dolt.", "The bars are shares of the reviewed goals and add up to 100 % where nothing is hidden."),
		"goal_achieved_share", "goal_partly_share", "goal_not_achieved_share")
	if err != nil {
		return s, err
	}
	err = b.trend(&s, "chart-goals-smart", tr(b.lang, "Delmål med ansvarig och måldatum", "Goals with a responsible party and a target date"),
		transform.UnitShare, b.target("goal_smart_share"), false, false, b.ownFigures(), "goal_smart_share")
	return s, err
}

func (b *builder) followUpSection() (section, error) {
	s := section{ID: "uppfoljning", Title: tr(b.lang, "Uppföljning", "Follow-up"),
		Intro: tr(b.lang, "Om planerna följs upp i tid och om uppföljning bokas vid första mötet.", "Whether plans are followed up on time and a follow-up is booked at the first meeting.")}
	if err := b.trend(&s, "chart-followup-trend", tr(b.lang, "Uppföljning i tid och utan bokad uppföljning", "Follow-up on time and without a booked follow-up"),
		transform.UnitShare, b.target("followup_on_time_share"), false, false, b.ownFigures(),
		"followup_on_time_share", "followup_date_missing_share"); err != nil {
		return s, err
	}
	err := b.trend(&s, "chart-followup-counts", tr(b.lang, "Uppföljningar som skulle ske och försenade", "Follow-ups due and overdue"),
		transform.UnitCount, nil, true, false, b.ownFigures(), "followups_due", "followups_overdue")
	return s, err
}

func (b *builder) deviationsSection() (section, error) {
	s := section{ID: "avvikelser", Title: tr(b.lang, "Avvikelser", "Deviations"),
		Intro: tr(b.lang, "Rapporterade avvikelser i SIP-processen.", "Reported deviations in the SIP process.")}
	if k := b.kpi("deviations"); k != nil && k.Breakdown("category") != nil {
		c, err := barChart(barSpec{
			ID: "chart-deviations-category", Title: tr(b.lang, "Avvikelser per kategori", "Deviations by category"),
			Desc:      fmt.Sprintf(tr(b.lang, "Antal avvikelser per kategori, %s", "Number of deviations by category, %s"), b.period),
			ValueName: b.unitAxis(transform.UnitCount), CategoryName: tr(b.lang, "Kategori", "Category"), Unit: transform.UnitCount,
			Period: b.period, Breakdown: "category", Series: []seriesSpec{{KPI: k.ID, Name: b.name(k)}},
			Horizontal: true, SortByFirst: "higher", Lang: b.lang,
		}, b.vals)
		if err := b.add(&s, c, err, tr(b.lang, "Flest först.", "Most first.")+b.regionWide()); err != nil {
			return s, err
		}
	}
	err := b.trend(&s, "chart-deviations-trend", tr(b.lang, "Avvikelser per kvartal", "Deviations by quarter"),
		transform.UnitCount, nil, true, false, b.ownFigures(), "deviations")
	return s, err
}

func (b *builder) waysSection() (section, error) {
	s := section{ID: "arbetssatt", Title: tr(b.lang, "Arbetssätt", "Ways of working"),
		Intro: tr(b.lang, "SIP på distans, närvaro per mötesform och vem som initierar SIP.", "Remote SIP, attendance by meeting mode and who initiates a SIP.")}
	if err := b.trend(&s, "chart-ways-trend", tr(b.lang, "Distansmöten och initiativ", "Remote meetings and initiative"),
		transform.UnitShare, nil, false, false, b.ownFigures(),
		"video_share", "initiated_by_school_share", "initiated_by_individual_share", "shared_it_service_share"); err != nil {
		return s, err
	}
	for _, id := range []string{"attendance_by_mode", "summoned_attendance_share"} {
		k := b.kpi(id)
		if k == nil || k.Breakdown("mode") == nil {
			continue
		}
		c, err := barChart(barSpec{
			ID: "chart-attendance-mode", Title: tr(b.lang, "Närvaro bland kallade per mötesform", "Attendance of the summoned by meeting mode"),
			Desc:      fmt.Sprintf(tr(b.lang, "Andel närvarande per mötesform, %s", "Share attending by meeting mode, %s"), b.period),
			ValueName: b.unitAxis(k.Unit), CategoryName: tr(b.lang, "Mötesform", "Meeting mode"), Unit: k.Unit,
			Period: b.period, Breakdown: "mode", Series: []seriesSpec{{KPI: id, Name: b.name(k)}}, Target: b.target(id), Lang: b.lang,
		}, b.vals)
		if err := b.add(&s, c, err, b.targetNote(id)+b.regionWide()); err != nil {
			return s, err
		}
		break
	}
	return s, nil
}

func (b *builder) surveySection() (section, error) {
	s := section{ID: "brukarrevision", Title: tr(b.lang, "Brukarrevision", "User audit"),
		Intro: tr(b.lang, "Index 0–100 per dimension (5 → 100, 1 → 0 på en femgradig skala) och svarande.", "Index 0–100 by dimension (5 → 100, 1 → 0 on a five-step scale) and respondent.")}
	// The dimension KPIs are survey_dim_<dimension> (index 0–100); their
	// _mean and _top_box_share siblings have other units and stay in the
	// summary table.
	var dims []seriesSpec
	var respondents []category
	for _, k := range b.r.KPIs {
		code, ok := strings.CutPrefix(k.ID, "survey_dim_")
		if !ok || k.Unit != transform.UnitIndex {
			continue
		}
		label := contract.SurveyDimension.Label(code)
		if b.lang == "en" || label == "" {
			label = b.name(k)
		}
		dims = append(dims, seriesSpec{KPI: k.ID, Name: label})
		for _, br := range k.Breakdowns {
			if strings.HasPrefix(br.Name, "respondent") && len(br.Groups) > len(respondents) {
				respondents = respondents[:0]
				for _, g := range br.Groups {
					respondents = append(respondents, category{Code: g.Code, Label: g.Label, Breakdown: br.Name})
				}
			}
		}
	}
	if len(dims) == 0 {
		return s, nil
	}
	// The first series is the report's own total, then each respondent type.
	series := append([]category{{Code: b.hg, Label: tr(b.lang, "Alla svarande", "All respondents"), Breakdown: b.hb}}, respondents...)
	c, err := matrixChart(matrixSpec{
		ID: "chart-survey", Title: tr(b.lang, "Brukarrevision per dimension och svarande", "User audit by dimension and respondent"),
		Desc:      fmt.Sprintf(tr(b.lang, "Index 0–100 per dimension, alla svarande och per svarandetyp, %s", "Index 0–100 by dimension, all respondents and by respondent type, %s"), b.period),
		ValueName: b.unitAxis(transform.UnitIndex), CategoryName: tr(b.lang, "Dimension", "Dimension"), Unit: transform.UnitIndex,
		Period: b.period, Categories: dims, Series: series, Lang: b.lang,
	}, b.vals)
	err = b.add(&s, c, err, b.ownFigures()+" "+tr(b.lang, "Högre är bättre.", "Higher is better.")+b.regionWide())
	return s, err
}

func (b *builder) funnelSection() (section, error) {
	s := section{ID: "processen", Title: tr(b.lang, "Processen från behov till avslut", "The process from need to closure"),
		Intro: tr(b.lang, "Behov → samtycke → kallelse → möte → uppföljning → avslut, under perioden.", "Need → consent → invitation → meeting → follow-up → closure, in the period.")}
	if len(b.r.Funnel) == 0 {
		return s, nil
	}
	stages := make([]seriesSpec, len(b.r.Funnel))
	for i, st := range b.r.Funnel {
		name := st.NameSV
		if b.lang == "en" {
			name = st.NameEN
		}
		stages[i] = seriesSpec{KPI: st.KPIID, Name: name}
	}
	c, err := funnelChart(funnelSpec{
		ID: "chart-funnel", Title: tr(b.lang, "Processtratten", "The process funnel"),
		Desc:   fmt.Sprintf(tr(b.lang, "Antal per steg i processen, %s", "Count at each step of the process, %s"), b.period),
		Period: b.period, Breakdown: b.hb, Group: b.hg, Stages: stages, Lang: b.lang,
	}, b.vals)
	err = b.add(&s, c, err, b.ownFigures()+" "+tr(b.lang, "Ett steg som katalogen inte räknar visas som saknat (-).", "A step the catalogue does not count is shown as missing (-)."))
	return s, err
}

func (b *builder) mappingSection() (section, error) {
	s := section{ID: "kartlaggning", Title: tr(b.lang, "Kartläggningens frågor", "The mapping assignment's questions"),
		Intro: tr(b.lang, "Den regionala kartläggningens nio frågor i dess ordning, med vad uttaget visar och siffrorna med sina antal, ordnade efter värde.",
			"The regional mapping assignment's nine questions in its order, with what the extract shows and the figures with their counts, ordered by value.")}
	for i, q := range b.r.Mapping {
		text := q.TextSV
		if b.lang == "en" {
			text = q.TextEN
		}
		t := tableView{ID: fmt.Sprintf("mapping-%s", q.ID), Caption: fmt.Sprintf("%d. %s", i+1, text), Heading: fmt.Sprintf("%d. %s", i+1, text),
			Head: []string{tr(b.lang, "Nyckeltal", "Figure"), tr(b.lang, "Grupp", "Group"), tr(b.lang, "Värde", "Value"), tr(b.lang, "Underlag", "Basis")},
			Lead: q.Finding(b.lang), Note: q.Open(b.lang)}
		for _, a := range q.Answers {
			k := a.KPI
			name := b.name(k)
			if a.Breakdown == "" {
				t.Rows = append(t.Rows, []string{name, tr(b.lang, "Totalt", "Total"), figureText(k.Current, k.Unit, b.lang), k.Current.Basis(k.Unit, b.lang)})
				continue
			}
			label := b.r.BreakdownName(b.lang, a.Breakdown)
			for j, g := range a.Rows() {
				first := ""
				if j == 0 {
					first = name + " – " + label
				}
				t.Rows = append(t.Rows, []string{first, b.groupLabel(a.Breakdown, g), figureText(g.Figure, k.Unit, b.lang), g.Figure.Basis(k.Unit, b.lang)})
			}
		}
		if len(t.Rows) == 0 && t.Note == "" {
			t.Note = tr(b.lang, "Katalogen har inga nyckeltal för frågan.", "The catalogue has no figures for this question.")
		}
		if len(t.Rows) == 0 {
			t.Lead, t.Note = t.Note, ""
			t.Rows = nil
		}
		s.Tables = append(s.Tables, t)
	}
	return s, nil
}

// groupLabel is a group's label in the report's language.
func (b *builder) groupLabel(breakdown string, g model.Group) string {
	return b.r.GroupLabel(b.lang, breakdown, g)
}

func (b *builder) qualitySection() (section, error) {
	q := b.r.Quality
	s := section{ID: "datakvalitet", Title: tr(b.lang, "Datakvalitet", "Data quality"),
		Intro: tr(b.lang, "Inlästa och avvisade rader per fil, och rader som flaggats av datakvalitetsregler (inlästa men markerade).", "Rows loaded and rejected per file, and rows flagged by data-quality rules (loaded but marked).")}
	if len(q.Files) > 0 {
		cats := make([]string, len(q.Files))
		loaded := countSeries{Name: tr(b.lang, "Inlästa rader", "Rows loaded"), Source: "load_files.rows_loaded"}
		rejected := countSeries{Name: tr(b.lang, "Avvisade rader", "Rows rejected"), Source: "load_files.rows_rejected"}
		for i, f := range q.Files {
			cats[i] = f.File
			if len(b.r.Meta.Sources) > 1 {
				cats[i] = f.Source + ": " + f.File
			}
			loaded.Counts = append(loaded.Counts, f.Loaded)
			rejected.Counts = append(rejected.Counts, f.Rejected)
		}
		c, err := countChart(countSpec{
			ID: "chart-dq-files", Title: tr(b.lang, "Rader per fil", "Rows per file"),
			Desc:         tr(b.lang, "Inlästa och avvisade rader per levererad fil", "Rows loaded and rejected per delivered file"),
			CategoryName: tr(b.lang, "Fil", "File"), ValueName: tr(b.lang, "Antal rader", "Rows"),
			Categories: cats, Series: []countSeries{loaded, rejected}, Stacked: true, Lang: b.lang,
		})
		if err := b.add(&s, c, err, tr(b.lang, "Antal rader är exakta: radräkningar är inte personuppgifter och döljs inte.", "Row counts are exact: they are not about persons and are not hidden.")); err != nil {
			return s, err
		}
	}
	if len(q.Flags) > 0 {
		cats := make([]string, len(q.Flags))
		flags := countSeries{Name: tr(b.lang, "Flaggade rader", "Flagged rows"), Source: "dq_flags.rows"}
		for i, f := range q.Flags {
			cats[i] = f.Rule
			if d := tr(b.lang, f.Description, f.DescriptionEN); d != "" {
				cats[i] = d
			}
			flags.Counts = append(flags.Counts, f.Rows)
		}
		c, err := countChart(countSpec{
			ID: "chart-dq-flags", Title: tr(b.lang, "Flaggade rader per regel", "Flagged rows by rule"),
			Desc:         tr(b.lang, "Rader som bryter en datakvalitetsregel", "Rows that break a data-quality rule"),
			CategoryName: tr(b.lang, "Regel", "Rule"), ValueName: tr(b.lang, "Antal rader", "Rows"),
			Categories: cats, Series: []countSeries{flags}, Lang: b.lang,
		})
		if err := b.add(&s, c, err, tr(b.lang, "Flaggade rader är inlästa; nyckeltal som berörs lämnar dem utanför (se tabellen nedan).", "Flagged rows are loaded; the KPIs concerned leave them out (see the table below).")); err != nil {
			return s, err
		}
	}
	if len(q.Rejects) > 0 {
		t := tableView{ID: "dq-rejects", Caption: tr(b.lang, "Avvisade rader per fil, kolumn och orsak", "Rejected rows by file, column and reason"),
			Head: []string{tr(b.lang, "Fil", "File"), tr(b.lang, "Kolumn", "Column"), tr(b.lang, "Orsak", "Reason"), tr(b.lang, "Rader", "Rows")}}
		for _, r := range q.Rejects {
			t.Rows = append(t.Rows, []string{r.File, r.Column, r.ReasonText(b.lang), formatNumber(float64(r.Rows), transform.UnitCount, b.lang)})
		}
		s.Tables = append(s.Tables, t)
	}
	if len(q.Warnings) > 0 {
		t := tableView{ID: "dq-warnings", Caption: tr(b.lang, "Varningar vid inläsning", "Load warnings"),
			Head: []string{tr(b.lang, "Fil", "File"), tr(b.lang, "Varning", "Warning")}}
		for _, w := range q.Warnings {
			t.Rows = append(t.Rows, []string{w.File, w.Message})
		}
		s.Tables = append(s.Tables, t)
	}
	t := tableView{ID: "dq-excluded", Caption: tr(b.lang, "Enheter som nyckeltalen lämnat utanför på grund av en flagga", "Units the KPIs left out because of a flag"),
		Head: []string{tr(b.lang, "Nyckeltal", "KPI"), tr(b.lang, "Utelämnade enheter", "Units left out")}}
	for _, e := range q.Excluded {
		if e.Excluded == 0 {
			continue
		}
		name := e.NameSV
		if k := b.kpi(e.KPIID); k != nil {
			name = b.name(k)
		}
		t.Rows = append(t.Rows, []string{name, formatNumber(float64(e.Excluded), transform.UnitCount, b.lang)})
	}
	if len(t.Rows) > 0 {
		s.Tables = append(s.Tables, t)
	}
	return s, nil
}

func (b *builder) summarySection() (section, error) {
	s := section{ID: "sammanstallning", Title: tr(b.lang, "Alla nyckeltal", "All KPIs"),
		Intro: b.ownFigures()}
	for _, f := range b.r.Families {
		name := f.NameSV
		if b.lang == "en" {
			name = f.NameEN
		}
		t := tableView{ID: "summary-" + f.ID, Caption: name,
			Head: []string{tr(b.lang, "Nyckeltal", "KPI"), b.period, tr(b.lang, "Föregående kvartal", "Previous quarter"),
				tr(b.lang, "Samma kvartal i fjol", "Same quarter last year"), tr(b.lang, "Mål", "Target"), tr(b.lang, "Status", "Status")}}
		for _, k := range f.KPIs {
			if !k.Headline {
				continue
			}
			c := b.card(k)
			target := c.Target
			if target == "" {
				target = markMissing
			}
			t.Rows = append(t.Rows, []string{c.Name, c.Value, c.Previous, c.YearAgo, target, c.Symbol + " " + c.StatusText})
		}
		if len(t.Rows) > 0 {
			s.Tables = append(s.Tables, t)
		}
	}
	return s, nil
}

// anyFigure reports whether a KPI group has a value or a suppressed value in
// any of the periods.
func (b *builder) anyFigure(kpi, breakdown, group string, periods []string) bool {
	for _, p := range periods {
		if v := b.vals.get(p, kpi, breakdown, group); v != nil && (v.Value != nil || v.Suppressed) {
			return true
		}
	}
	return false
}

// leadTimeByContext adds the lead-time distribution by context: a box plot
// (min, quartiles, max) with the 90th percentile as markers when the
// catalogue has all five figures, else bars of median and 90th percentile.
func (b *builder) leadTimeByContext(s *section) error {
	ids := [5]string{"lead_time_min_days", "lead_time_p25_days", "lead_time_median_days", "lead_time_p75_days", "lead_time_max_days"}
	names := [5]string{tr(b.lang, "Min", "Min"), tr(b.lang, "25:e percentil", "25th percentile"), tr(b.lang, "Median", "Median"),
		tr(b.lang, "75:e percentil", "75th percentile"), tr(b.lang, "Max", "Max")}
	all := true
	var box [5]seriesSpec
	for i, id := range ids {
		if !b.hasBreakdown(id, "context") {
			all = false
		}
		box[i] = seriesSpec{KPI: id, Name: names[i]}
	}
	if all {
		var extra *seriesSpec
		if b.hasBreakdown("lead_time_p90_days", "context") {
			extra = &seriesSpec{KPI: "lead_time_p90_days", Name: tr(b.lang, "90:e percentil", "90th percentile")}
		}
		c, err := boxChart(boxSpec{
			ID: "chart-leadtime-context", Title: tr(b.lang, "Ledtid behov → SIP-möte per sammanhang", "Lead time need → SIP meeting by context"),
			Desc:      tr(b.lang, "Fördelning i dagar, "+b.period, "Distribution in days, "+b.period),
			ValueName: b.unitAxis(transform.UnitDays), CategoryName: tr(b.lang, "Sammanhang", "Context"), Unit: transform.UnitDays,
			Period: b.period, Breakdown: "context", Box: box, Extra: extra,
			BoxName: tr(b.lang, "Min–max, kvartiler och median", "Min–max, quartiles and median"),
			Target:  b.target("lead_time_median_days"), Reference: b.referenceLine("lead_time_median_days"), Lang: b.lang,
		}, b.vals)
		caption := tr(b.lang, "Lådan går från 25:e till 75:e percentilen med medianen som tvärstreck; morrhåren når kortaste och längsta ledtid.",
			"The box spans the 25th to the 75th percentile with the median as the bar across it; the whiskers reach the shortest and longest lead time.")
		if extra != nil {
			caption += tr(b.lang, " Romben är 90:e percentilen.", " The diamond is the 90th percentile.")
		}
		caption += tr(b.lang, " Ett sammanhang där någon av de fem siffrorna är dold (..) eller saknas (-) visas utan låda.",
			" A context with any of the five figures hidden (..) or missing (-) is shown without a box.")
		caption += b.targetNote("lead_time_median_days") + b.regionWide()
		return b.add(s, c, err, caption)
	}

	if ser := b.series("lead_time_median_days", "lead_time_p90_days"); len(ser) > 0 && b.hasBreakdown(ser[0].KPI, "context") {
		c, err := barChart(barSpec{
			ID: "chart-leadtime-context", Title: tr(b.lang, "Ledtid behov → SIP-möte per sammanhang", "Lead time need → SIP meeting by context"),
			Desc:      tr(b.lang, "Median och 90:e percentilen i dagar, "+b.period, "Median and 90th percentile in days, "+b.period),
			ValueName: b.unitAxis(transform.UnitDays), CategoryName: tr(b.lang, "Sammanhang", "Context"), Unit: transform.UnitDays,
			Period: b.period, Breakdown: "context", Series: ser, Target: b.target("lead_time_median_days"), Horizontal: true, Lang: b.lang,
		}, b.vals)
		caption := tr(b.lang, "Fördelningen av ledtiden visas som median och 90:e percentil per sammanhang (katalogen har inga kvartiler).",
			"The lead-time distribution is shown as median and 90th percentile by context (the catalogue has no quartiles).") + b.targetNote("lead_time_median_days") + b.regionWide()
		if err := b.add(s, c, err, caption); err != nil {
			return err
		}
	}

	return nil
}
