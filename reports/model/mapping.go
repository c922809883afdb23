package model

import (
	"fmt"
	"sort"
)

// questions are the mapping assignment's nine questions in its order and
// words (kpis.md, "The mapping assignment"), with the catalogue figures
// that bear on each, as data: the workbook's Kartläggning sheet and the HTML
// report both render this list. A question the extract cannot answer says
// so (open), and what the data show instead.
var questions = []struct {
	id, sv, en       string
	answers          []answerSpec
	openSV, openEN   string // what the extract cannot answer
	noneSV, noneEN   string // said when nothing in the catalogue answers
	findKPI, findBrk string // the answer the finding sentence is about
}{
	{id: "hinder", sv: "Vilka hinder finns för att använda SIP, hur kan de undanröjas?", en: "What obstacles are there to using SIP, and how can they be removed?",
		answers: []answerSpec{
			{kpi: "summoned_absent_share", breakdown: "org_type"},
			{kpi: "deviations", breakdown: "category", groups: []string{"absent_despite_summons", "no_initiative"}},
			{kpi: "needs_declined_share"},
			{kpi: "requests_denied"},
			{kpi: "invitation_lead_median_days"},
			{kpi: "individual_present_share"},
			{kpi: "child_present_share"},
		},
		findKPI: "summoned_absent_share", findBrk: "org_type",
		openSV: "Hur hindren kan undanröjas säger inte uttaget; siffrorna visar var processen brister.",
		openEN: "How the obstacles can be removed the extract does not say; the figures show where the process falls short."},
	{id: "initiativ", sv: "Vilka nationella/samordnande initiativ tas?", en: "Which national or coordinating initiatives are taken?",
		openSV: "Uttaget innehåller inga uppgifter om nationella eller samordnande initiativ: frågan kan inte besvaras med data.",
		openEN: "The extract holds nothing on national or coordinating initiatives: the data cannot answer this question."},
	{id: "utbildning", sv: "Behov av utbildning och stöd?", en: "Need for training and support?",
		answers: []answerSpec{
			{kpi: "plan_complete_share"},
			{kpi: "goal_smart_share"},
			{kpi: "followup_date_missing_share"},
			{kpi: "followup_on_time_share"},
			{kpi: "survey_dim_information"},
			{kpi: "survey_dim_participation"},
		},
		findKPI: "plan_complete_share"},
	{id: "situationer", sv: "I vilka situationer ska det finnas en SIP?", en: "In which situations should there be a SIP?",
		answers: []answerSpec{
			{kpi: "coverage", breakdown: "context"},
			{kpi: "coverage", breakdown: "target_group"},
			{kpi: "lead_time_median_days", breakdown: "context"},
			{kpi: "discharges_needing_sip"},
			{kpi: "discharge_sip_share"},
		},
		findKPI: "coverage", findBrk: "context"},
	{id: "nivaer", sv: "SIP på olika nivåer beroende på målgrupp/situation?", en: "SIP at different levels depending on target group or situation?",
		answers: []answerSpec{
			{kpi: "sip_duration_median_days", breakdown: "target_group"},
			{kpi: "restart_share", breakdown: "target_group"},
			{kpi: "goals_set", breakdown: "target_group"},
		},
		findKPI: "sip_duration_median_days", findBrk: "target_group",
		openSV: "Antal organisationer och delmål per SIP finns inte i katalogen; varaktighet, omstarter och delmål per målgrupp visar hur olika SIP blir.",
		openEN: "Organisations and goals per SIP are not in the catalogue; duration, restarts and goals by target group show how SIPs differ."},
	{id: "skolan", sv: "Ska skolan kunna kalla till SIP?", en: "Should the school be able to summon a SIP?",
		answers: []answerSpec{
			{kpi: "initiated_by_school_share"},
			{kpi: "needs_detected", breakdown: "initiated_by"},
			{kpi: "coverage", breakdown: "initiated_by"},
			{kpi: "lead_time_median_days", breakdown: "initiated_by"},
			{kpi: "goal_achieved_share", breakdown: "initiated_by"},
			{kpi: "summoned_attendance_share", breakdown: "org_type", groups: []string{"school"}},
		},
		findKPI: "coverage", findBrk: "initiated_by"},
	{id: "yrkesgrupper", sv: "Ska fler yrkesgrupper ta del av SIP via Lifecare SP?", en: "Should more professions take part in SIP through Lifecare SP?",
		answers: []answerSpec{
			{kpi: "summoned_attendance_share", breakdown: "org_type"},
		},
		findKPI: "summoned_attendance_share", findBrk: "org_type",
		openSV: "Uttaget visar bara vilka verksamhetstyper som kallas och deltar, inte vilka yrkesgrupper som har eller saknar tillgång till Lifecare SP: frågan kan inte besvaras fullt ut med data.",
		openEN: "The extract shows only which organisation types are summoned and attend, not which professions have or lack access to Lifecare SP: the data cannot fully answer this question."},
	{id: "lifecare", sv: "Beslut om Lifecare utanför utskrivningsprocessen?", en: "A decision on Lifecare outside the discharge process?",
		answers: []answerSpec{
			{kpi: "shared_it_service_share"},
			{kpi: "shared_it_service_share", breakdown: "context"},
		},
		findKPI: "shared_it_service_share", findBrk: "context"},
	{id: "distans", sv: "Rutiner för SIP på distans?", en: "Routines for remote SIP?",
		answers: []answerSpec{
			{kpi: "video_share"},
			{kpi: "summoned_attendance_share", breakdown: "mode"},
			{kpi: "individual_present_share", breakdown: "mode"},
			{kpi: "goal_achieved_share", breakdown: "mode"},
		},
		findKPI: "summoned_attendance_share", findBrk: "mode"},
}

type answerSpec struct {
	kpi, breakdown string
	groups         []string
}

// buildMapping resolves the questions against the catalogue. An answer whose
// KPI or breakdown the catalogue lacks is left out rather than shown empty;
// every question is kept, with a sentence on what the data show or that the
// extract cannot answer it. The groups of an answer are ordered by value.
func buildMapping(r *Report) []Question {
	out := make([]Question, 0, len(questions))
	for _, q := range questions {
		qq := Question{ID: q.id, TextSV: q.sv, TextEN: q.en, OpenSV: q.openSV, OpenEN: q.openEN}
		for _, a := range q.answers {
			k := r.KPI(a.kpi)
			if k == nil {
				continue
			}
			if a.breakdown != "" && k.Breakdown(a.breakdown) == nil {
				continue
			}
			ans := Answer{KPI: k, Breakdown: a.breakdown, Groups: a.groups}
			if a.breakdown != "" && len(ans.Rows()) == 0 {
				continue
			}
			qq.Answers = append(qq.Answers, ans)
		}
		for _, lang := range []string{"sv", "en"} {
			f := finding(r, qq, q.findKPI, q.findBrk, lang)
			if lang == "sv" {
				qq.FindingSV = f
			} else {
				qq.FindingEN = f
			}
		}
		out = append(out, qq)
	}
	return out
}

// finding is the sentence on what the data show for a question: the best
// and the worst group of its main breakdown, or its main figure; or that
// nothing in the extract answers it.
func finding(r *Report, q Question, kpi, breakdown, lang string) string {
	sv := lang != "en"
	t := func(s, e string) string {
		if sv {
			return s
		}
		return e
	}
	if len(q.Answers) == 0 {
		return ""
	}
	for _, a := range q.Answers {
		if a.KPI.ID != kpi || a.Breakdown != breakdown {
			continue
		}
		k := a.KPI
		if breakdown == "" {
			if !k.Current.Shown() {
				return ""
			}
			s := fmt.Sprintf(t("%s: %s", "%s: %s"), k.Name(lang), k.Current.Text(k.Unit, lang))
			if b := k.Current.Basis(k.Unit, lang); b != "" {
				s += " (" + b + ")"
			}
			return s + "."
		}
		var shown []Group
		for _, g := range a.Rows() {
			if g.Figure.Shown() {
				shown = append(shown, g)
			}
		}
		if len(shown) < 2 {
			return t("För få värden för att jämföra grupperna.", "Too few values to compare the groups.")
		}
		hi, lo := shown[0], shown[len(shown)-1]
		label := func(g Group) string {
			l := g.Label
			if !sv {
				l = r.GroupLabel(lang, breakdown, g)
			}
			s := l + " " + g.Figure.Text(k.Unit, lang)
			if b := g.Figure.Basis(k.Unit, lang); b != "" {
				s += " (" + b + ")"
			}
			return s
		}
		name := k.Name(lang)
		switch k.Direction {
		case "higher":
			return fmt.Sprintf(t("%s: sämst %s, bäst %s.", "%s: worst %s, best %s."), name, label(lo), label(hi))
		case "lower":
			return fmt.Sprintf(t("%s: sämst %s, bäst %s.", "%s: worst %s, best %s."), name, label(hi), label(lo))
		}
		return fmt.Sprintf(t("%s: högst %s, lägst %s.", "%s: highest %s, lowest %s."), name, label(hi), label(lo))
	}
	return ""
}

// sortGroups orders groups by value, highest first; hidden and missing
// figures last, by label.
func sortGroups(gs []Group) []Group {
	out := append([]Group(nil), gs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Figure, out[j].Figure
		if a.Shown() != b.Shown() {
			return a.Shown()
		}
		if !a.Shown() || *a.Value == *b.Value {
			return out[i].Label < out[j].Label
		}
		return *a.Value > *b.Value
	})
	return out
}
