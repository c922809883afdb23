package model

import "strings"

// firstKPI returns the first of ids that the catalogue has, or nil.
func (r *Report) firstKPI(ids ...string) *KPI {
	for _, id := range ids {
		if k := r.KPI(id); k != nil {
			return k
		}
	}
	return nil
}

func (r *Report) quarterLabels() []string {
	out := make([]string, len(r.Meta.Trend))
	for i, p := range r.Meta.Trend {
		out[i] = p.Label
	}
	return out
}

// byQuarter is one KPI's breakdown as groups × the trend's quarters. Groups
// are every group seen in any of the quarters, in code order of first sight.
func (r *Report) byQuarter(idx *valueIndex, k *KPI, breakdown string) []MatrixRow {
	var codes []string
	labels := map[string]string{}
	for _, q := range r.Meta.Trend {
		for _, g := range idx.groups[valueKey{q.Label, k.ID, breakdown, ""}] {
			if _, ok := labels[g]; !ok {
				v, _ := idx.get(q.Label, k.ID, breakdown, g)
				labels[g] = groupLabel(v)
				codes = append(codes, g)
			}
		}
	}
	rows := make([]MatrixRow, 0, len(codes))
	for _, c := range codes {
		row := MatrixRow{Code: c, Label: labels[c]}
		for _, q := range r.Meta.Trend {
			row.Cells = append(row.Cells, idx.figure(q.Label, k.ID, breakdown, c))
		}
		rows = append(rows, row)
	}
	return rows
}

func (r *Report) buildMatrices(idx *valueIndex) {
	quarters := r.quarterLabels()

	r.Attendance = Matrix{TitleSV: "Närvaro bland kallade per verksamhet och kvartal", TitleEN: "Attendance of the summoned by organisation type and quarter",
		Unit: "share", RowHeading: "Verksamhet", ColumnHeading: "Kvartal", Columns: quarters}
	if k := r.firstKPI("summoned_attendance_share", "attendance_gap_by_org"); k != nil {
		r.Attendance.KPIIDs = []string{k.ID}
		r.Attendance.Unit = k.Unit
		r.Attendance.Rows = r.byQuarter(idx, k, "org_type")
	}
	r.Absence = Matrix{TitleSV: "Uteblivna trots kallelse per verksamhet och kvartal", TitleEN: "Absent despite summons by organisation type and quarter",
		Unit: "share", RowHeading: "Verksamhet", ColumnHeading: "Kvartal", Columns: quarters}
	if k := r.firstKPI("summoned_absent_share"); k != nil {
		r.Absence.KPIIDs = []string{k.ID}
		r.Absence.Unit = k.Unit
		r.Absence.Rows = r.byQuarter(idx, k, "org_type")
	}

	goalIDs := []string{"goal_achieved_share", "goal_partly_share", "goal_not_achieved_share"}
	r.GoalsByQuarter = Matrix{TitleSV: "Måluppfyllelse per kvartal", TitleEN: "Goal attainment by quarter",
		Unit: "share", RowHeading: "Bedömning", ColumnHeading: "Kvartal", Columns: quarters}
	r.GoalsByMunicipality = Matrix{TitleSV: "Måluppfyllelse per kommun", TitleEN: "Goal attainment by municipality",
		Unit: "share", RowHeading: "Bedömning", ColumnHeading: "Kommun"}
	var munis []Group
	if k := r.KPI("goal_achieved_share"); k != nil {
		if b := k.Breakdown("municipality"); b != nil {
			munis = b.Groups
		}
	}
	for _, m := range munis {
		r.GoalsByMunicipality.Columns = append(r.GoalsByMunicipality.Columns, m.Label)
	}
	for _, id := range goalIDs {
		k := r.KPI(id)
		if k == nil {
			continue
		}
		r.GoalsByQuarter.KPIIDs = append(r.GoalsByQuarter.KPIIDs, id)
		r.GoalsByMunicipality.KPIIDs = append(r.GoalsByMunicipality.KPIIDs, id)
		row := MatrixRow{Code: id, Label: k.NameSV}
		for _, p := range k.Trend {
			row.Cells = append(row.Cells, p.Figure)
		}
		r.GoalsByQuarter.Rows = append(r.GoalsByQuarter.Rows, row)
		mrow := MatrixRow{Code: id, Label: k.NameSV}
		for _, m := range munis {
			mrow.Cells = append(mrow.Cells, idx.figure(r.Meta.Period.Label, id, "municipality", m.Code))
		}
		r.GoalsByMunicipality.Rows = append(r.GoalsByMunicipality.Rows, mrow)
	}

	r.Deviations = Matrix{TitleSV: "Avvikelser per kategori och kvartal", TitleEN: "Deviations by category and quarter",
		Unit: "count", RowHeading: "Kategori", ColumnHeading: "Kvartal", Columns: quarters}
	if k := r.KPI("deviations"); k != nil {
		r.Deviations.KPIIDs = []string{k.ID}
		r.Deviations.Rows = r.byQuarter(idx, k, "category")
	}

	r.Survey = r.surveyMatrix(idx)
}

// surveyMatrix is the user audit's dimension KPIs (survey_dim_*) × respondent
// for the period, with the total first.
func (r *Report) surveyMatrix(idx *valueIndex) Matrix {
	m := Matrix{TitleSV: "Brukarrevision: index per dimension och svarande", TitleEN: "User audit: index by dimension and respondent",
		Unit: "index", RowHeading: "Dimension", ColumnHeading: "Svarande"}
	var dims []*KPI
	for _, k := range r.KPIs {
		if strings.HasPrefix(k.ID, "survey_dim_") && k.Headline {
			dims = append(dims, k)
		}
	}
	if len(dims) == 0 {
		return m
	}
	m.Unit = dims[0].Unit
	breakdown := ""
	var respondents []Group
	for _, k := range dims {
		for _, b := range k.Breakdowns {
			if strings.HasPrefix(b.Name, "respondent") && len(b.Groups) > len(respondents) {
				breakdown, respondents = b.Name, b.Groups
			}
		}
	}
	m.Columns = []string{"Alla"}
	for _, g := range respondents {
		m.Columns = append(m.Columns, g.Label)
	}
	for _, k := range dims {
		m.KPIIDs = append(m.KPIIDs, k.ID)
		row := MatrixRow{Code: k.ID, Label: k.NameSV, Cells: []Figure{k.Current}}
		for _, g := range respondents {
			row.Cells = append(row.Cells, idx.figure(r.Meta.Period.Label, k.ID, breakdown, g.Code))
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// funnelSteps are the process steps of one population: the SIPs whose
// need was detected in the period, from the need to consent, invitation
// and the first meeting, each counted by a catalogue KPI over that same
// cohort. Follow-ups and closures count other SIPs (those due or closed in
// the period) and are not steps of this funnel. A step whose KPI the
// catalogue lacks is shown as "no data": reports never count units.
var funnelSteps = []struct {
	step, sv, en string
	kpis         []string
}{
	{"need", "Upptäckt behov", "Need detected", []string{"needs_detected"}},
	{"consent", "Samtycke", "Consent", []string{"sips_consented"}},
	{"invitation", "Kallelse", "Invitation", []string{"sips_invited"}},
	{"meeting", "Första SIP-mötet", "First SIP meeting", []string{"initial_meetings_held"}},
}

func buildFunnel(r *Report) []FunnelStep {
	out := make([]FunnelStep, 0, len(funnelSteps))
	for _, s := range funnelSteps {
		st := FunnelStep{Step: s.step, NameSV: s.sv, NameEN: s.en, Figure: Figure{NoData: true}}
		if k := r.firstKPI(s.kpis...); k != nil {
			st.KPIID = k.ID
			st.Figure = k.Current
		}
		out = append(out, st)
	}
	return out
}
