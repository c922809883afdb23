package model

// questions are the mapping assignment's questions (kpis.md, "The mapping
// assignment") with the catalogue figures that answer each, as data: the
// workbook's Kartläggning sheet and the HTML report both render this list.
var questions = []struct {
	id, sv, en string
	answers    []answerSpec
}{
	{"not_used", "Var används SIP inte?", "Where is SIP not used?", []answerSpec{
		{kpi: "coverage", breakdown: "context"},
		{kpi: "coverage", breakdown: "target_group"},
		{kpi: "lead_time_median_days", breakdown: "context"},
		{kpi: "lead_time_median_days", breakdown: "target_group"},
		{kpi: "deviations", breakdown: "category", groups: []string{"no_initiative"},
			sv: "Avvikelser: ingen SIP initierad trots behov", en: "Deviations: no SIP initiated despite need"},
	}},
	{"obstacles", "Vad står i vägen?", "What stands in the way?", []answerSpec{
		{kpi: "summoned_absent_share", breakdown: "org_type"},
		{kpi: "summoned_attendance_share", breakdown: "org_type"},
		{kpi: "deviations", breakdown: "category", groups: []string{"absent_despite_summons"},
			sv: "Avvikelser: kallad part uteblev", en: "Deviations: a summoned party did not attend"},
		{kpi: "individual_present_share"},
		{kpi: "child_present_share"},
	}},
	{"school", "Bör skolan kunna kalla till SIP?", "Should the school be able to summon a SIP?", []answerSpec{
		{kpi: "initiated_by_school_share"},
		{kpi: "needs_detected", breakdown: "initiated_by"},
		{kpi: "coverage", breakdown: "initiated_by"},
		{kpi: "lead_time_median_days", breakdown: "initiated_by"},
		{kpi: "goal_achieved_share", breakdown: "initiated_by"},
	}},
	{"shared_it", "Används den gemensamma IT-tjänsten utöver utskrivningar?", "Is the shared IT service used beyond discharges?", []answerSpec{
		{kpi: "shared_it_service_share"},
		{kpi: "shared_it_service_share", breakdown: "context"},
	}},
	{"remote", "Hur fungerar SIP på distans?", "How does remote SIP work?", []answerSpec{
		{kpi: "video_share"},
		{kpi: "summoned_attendance_share", breakdown: "mode"},
		{kpi: "attendance_by_mode", breakdown: "mode"},
	}},
}

type answerSpec struct {
	kpi, breakdown string
	groups         []string
	sv, en         string
}

// buildMapping resolves the questions against the catalogue. An answer whose
// KPI or breakdown the catalogue lacks is left out rather than shown empty,
// so a question lists only the figures that exist; a question is kept even
// when nothing answers it, so a reader sees it is open.
func buildMapping(r *Report) []Question {
	out := make([]Question, 0, len(questions))
	for _, q := range questions {
		qq := Question{ID: q.id, TextSV: q.sv, TextEN: q.en}
		for _, a := range q.answers {
			k := r.KPI(a.kpi)
			if k == nil {
				continue
			}
			if a.breakdown != "" && k.Breakdown(a.breakdown) == nil {
				continue
			}
			ans := Answer{KPI: k, Breakdown: a.breakdown, Groups: a.groups, NoteSV: a.sv, NoteEN: a.en}
			if a.breakdown != "" && len(ans.Rows()) == 0 {
				continue
			}
			qq.Answers = append(qq.Answers, ans)
		}
		out = append(out, qq)
	}
	return out
}
