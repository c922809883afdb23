// Package contract is data contract v1 of a SIP extract as Go values: the
// tables, their columns and types, which values are required, the keys and
// foreign keys, and the code tables with their Swedish labels. ingest
// validates against it, sampledata writes to it, and the schema docs print it.
// It imports nothing of the project.
package contract

// Version is the contract_version this package implements.
const Version = "1"

// Type is a column's logical type in the contract.
type Type int

const (
	TypeID   Type = iota // an opaque pseudonym, at most MaxIDLength characters
	TypeDate             // YYYY-MM-DD
	TypeInt              // a whole number
	TypeBool             // true/false, 1/0, ja/nej, yes/no
	TypeCode             // a value of the column's code table
	TypeText             // text such as SCB codes (0180 stays text, never a number)
)

// MaxIDLength is the longest pseudonym the contract allows.
const MaxIDLength = 64

func (t Type) String() string {
	return [...]string{"id", "date", "int", "bool", "code", "text"}[t]
}

// SQLType is the DuckDB type a column of this type is stored as.
func (t Type) SQLType() string {
	return [...]string{"VARCHAR", "DATE", "INTEGER", "BOOLEAN", "VARCHAR", "VARCHAR"}[t]
}

// Column is one column of a contract table.
type Column struct {
	Name     string
	Type     Type
	Required bool
	// RequiredWhen documents a conditional requirement checked as a
	// data-quality rule, not a reject (e.g. "status = held").
	RequiredWhen string
	// Codes is the code table of a Code column.
	Codes *CodeList
	// References names the table whose key this column must match (a foreign key).
	References string
	// Meaning is the English description from the contract.
	Meaning string
}

// Table is one table of an extract.
type Table struct {
	Name     string
	Optional bool
	// Key lists the columns that identify a row, unique within one source.
	Key     []string
	Columns []Column
	Grain   string
}

// Column returns the named column.
func (t *Table) Column(name string) (*Column, bool) {
	for i := range t.Columns {
		if t.Columns[i].Name == name {
			return &t.Columns[i], true
		}
	}
	return nil, false
}

// ColumnNames returns the column names in contract order.
func (t *Table) ColumnNames() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

// Lookup returns the named table.
func Lookup(name string) (*Table, bool) {
	for i := range Tables {
		if Tables[i].Name == name {
			return &Tables[i], true
		}
	}
	return nil, false
}

func req(name string, t Type, meaning string) Column {
	return Column{Name: name, Type: t, Required: true, Meaning: meaning}
}
func opt(name string, t Type, meaning string) Column {
	return Column{Name: name, Type: t, Meaning: meaning}
}
func code(c Column, cl *CodeList) Column { c.Codes = cl; return c }
func fk(c Column, table string) Column   { c.References = table; return c }
func when(c Column, cond string) Column  { c.RequiredWhen = cond; return c }

// Tables lists the contract's tables in load order: a table comes after every
// table its foreign keys reference (sips.restart_of references sips itself).
var Tables = []Table{
	{
		Name: "persons", Key: []string{"person_id"}, Grain: "one row per person",
		Columns: []Column{
			req("person_id", TypeID, "unique pseudonym of the person"),
			req("birth_year", TypeInt, "year of birth, 1900 … year of the as-of date"),
			code(opt("sex", TypeCode, "kön"), Sex),
		},
	},
	{
		Name: "sips", Key: []string{"sip_id"}, Grain: "one row per SIP process, from detected need to closure",
		Columns: []Column{
			req("sip_id", TypeID, "unique pseudonym of the SIP process"),
			fk(req("person_id", TypeID, "the person the SIP is for"), "persons"),
			req("region_code", TypeText, "SCB county code (länskod), 2 digits"),
			req("municipality_code", TypeText, "SCB municipality code (kommunkod), 4 digits; starts with region_code"),
			code(req("context", TypeCode, "utskrivning, placering av barn/unga, or SoL/HSL"), Context),
			code(opt("target_group", TypeCode, "målgrupp"), TargetGroup),
			code(req("initiated_by", TypeCode, "who noticed the need: an org type, the individual or a relative"), Initiator),
			req("need_detected_date", TypeDate, "behov upptäckt: when the need for coordination was noticed or requested"),
			opt("request_denied", TypeBool, "the individual's or a relative's request for a SIP was denied"),
			opt("invitation_sent_date", TypeDate, "kallelse skickad"),
			code(opt("lead_org", TypeCode, "huvudansvarig / samordnare (org type)"), OrgType),
			opt("has_long_term_goal", TypeBool, "a long-term goal is recorded"),
			code(opt("record_system", TypeCode, "where the SIP is documented"), RecordSystem),
			opt("closed_date", TypeDate, "avslut"),
			when(code(opt("closure_reason", TypeCode, "why the SIP was closed"), ClosureReason), "closed_date is set"),
			fk(opt("restart_of", TypeID, "sip_id of the SIP this one restarts"), "sips"),
		},
	},
	{
		Name: "consents", Key: []string{"consent_id"}, Grain: "one row per consent decision",
		Columns: []Column{
			req("consent_id", TypeID, "unique pseudonym of the consent decision"),
			fk(req("sip_id", TypeID, "the SIP"), "sips"),
			code(req("decision", TypeCode, "given or declined"), ConsentDecision),
			req("decision_date", TypeDate, "date of the decision"),
			code(req("scope", TypeCode, "information sharing, the plan, or both"), ConsentScope),
			code(req("given_by", TypeCode, "who decided"), ConsentGivenBy),
			opt("withdrawn_date", TypeDate, "consent taken back"),
		},
	},
	{
		Name: "meetings", Key: []string{"meeting_id"}, Grain: "one row per SIP meeting, held or not",
		Columns: []Column{
			req("meeting_id", TypeID, "unique pseudonym of the meeting"),
			fk(req("sip_id", TypeID, "the SIP"), "sips"),
			code(req("kind", TypeCode, "initial (the plan is made) or follow_up"), MeetingKind),
			req("planned_date", TypeDate, "the date it was booked for"),
			code(req("status", TypeCode, "held, cancelled or planned"), MeetingStatus),
			when(opt("held_date", TypeDate, "the date it was held"), "status = held"),
			when(code(opt("mode", TypeCode, "in person, video, phone or hybrid"), MeetingMode), "status = held"),
			when(code(opt("individual_participation", TypeCode, "did the individual take part"), IndividualParticipation), "status = held"),
			code(opt("child_participation", TypeCode, "did the child take part (person under 18)"), ChildParticipation),
			opt("plan_established", TypeBool, "the plan was established at this meeting"),
			opt("next_follow_up_date", TypeDate, "follow-up date agreed at this meeting"),
		},
	},
	{
		Name: "participants", Key: []string{"participant_id"}, Grain: "one row per organisation or person summoned or invited to a meeting",
		Columns: []Column{
			req("participant_id", TypeID, "unique pseudonym of the participation"),
			fk(req("meeting_id", TypeID, "the meeting"), "meetings"),
			code(req("org_type", TypeCode, "the organisation type, or the individual/a relative"), Initiator),
			code(req("role", TypeCode, "summoned (obliged to come) or invited"), ParticipantRole),
			when(code(opt("attendance", TypeCode, "attended, substitute, absent_notified or absent"), Attendance), "the meeting was held"),
		},
	},
	{
		Name: "goals", Key: []string{"goal_id"}, Grain: "one row per sub-goal (delmål) of a plan",
		Columns: []Column{
			req("goal_id", TypeID, "unique pseudonym of the sub-goal"),
			fk(req("sip_id", TypeID, "the SIP"), "sips"),
			fk(req("set_at_meeting_id", TypeID, "the meeting where the goal was set (same SIP)"), "meetings"),
			code(req("area", TypeCode, "life area of the goal"), GoalArea),
			code(opt("responsible_org", TypeCode, "org type responsible"), OrgType),
			opt("target_date", TypeDate, "when it should be reached"),
		},
	},
	{
		Name: "goal_reviews", Key: []string{"goal_id", "meeting_id"}, Grain: "one row per goal and follow-up meeting where it was assessed",
		Columns: []Column{
			fk(req("goal_id", TypeID, "the goal"), "goals"),
			fk(req("meeting_id", TypeID, "the meeting where it was assessed (same SIP)"), "meetings"),
			code(req("status", TypeCode, "achieved, partly achieved, not achieved or not assessed"), GoalStatus),
		},
	},
	{
		Name: "interventions", Optional: true, Key: []string{"intervention_id"}, Grain: "one row per intervention (insats) in a plan",
		Columns: []Column{
			req("intervention_id", TypeID, "unique pseudonym of the intervention"),
			fk(req("sip_id", TypeID, "the SIP"), "sips"),
			code(req("org_type", TypeCode, "who delivers it"), OrgType),
			opt("start_date", TypeDate, "start"),
			opt("end_date", TypeDate, "end"),
		},
	},
	{
		Name: "discharges", Optional: true, Key: []string{"discharge_id"}, Grain: "one row per discharge from inpatient care under lag 2017:612",
		Columns: []Column{
			req("discharge_id", TypeID, "unique pseudonym of the discharge"),
			fk(req("person_id", TypeID, "the person"), "persons"),
			req("region_code", TypeText, "SCB county code"),
			req("municipality_code", TypeText, "SCB municipality code"),
			opt("ready_for_discharge_date", TypeDate, "utskrivningsklar"),
			req("discharge_date", TypeDate, "date of discharge"),
			code(req("care_type", TypeCode, "somatic or psychiatric"), CareType),
			req("needs_municipal", TypeBool, "needs municipal services after discharge"),
			req("needs_outpatient", TypeBool, "needs regional outpatient care after discharge"),
			fk(opt("sip_id", TypeID, "the SIP started or followed up for it"), "sips"),
		},
	},
	{
		Name: "deviations", Optional: true, Key: []string{"deviation_id"}, Grain: "one row per deviation report (avvikelse) about the SIP process",
		Columns: []Column{
			req("deviation_id", TypeID, "unique pseudonym of the deviation"),
			req("reported_date", TypeDate, "date reported"),
			req("region_code", TypeText, "SCB county code"),
			req("municipality_code", TypeText, "SCB municipality code"),
			fk(opt("sip_id", TypeID, "the SIP concerned"), "sips"),
			code(req("category", TypeCode, "what went wrong"), DeviationCategory),
			code(req("reported_by_org", TypeCode, "org type that reported it"), OrgType),
			code(opt("concerns_org", TypeCode, "org type it concerns"), OrgType),
		},
	},
	{
		Name: "survey_questions", Optional: true, Key: []string{"survey_id", "question_id"}, Grain: "one row per question of a user-audit survey",
		Columns: []Column{
			req("survey_id", TypeID, "the survey"),
			req("question_id", TypeID, "the question, unique within the survey"),
			code(req("dimension", TypeCode, "what the question measures"), SurveyDimension),
			req("text_sv", TypeText, "the question as asked"),
			req("scale_min", TypeInt, "lowest answer"),
			req("scale_max", TypeInt, "highest answer"),
		},
	},
	{
		Name: "survey_responses", Optional: true, Key: []string{"response_id"}, Grain: "one row per answered questionnaire",
		Columns: []Column{
			req("response_id", TypeID, "unique pseudonym of the response"),
			req("survey_id", TypeID, "the survey (must have questions)"),
			req("response_date", TypeDate, "date answered"),
			code(req("respondent", TypeCode, "who answered"), Respondent),
			req("region_code", TypeText, "SCB county code"),
			req("municipality_code", TypeText, "SCB municipality code"),
			fk(opt("sip_id", TypeID, "the SIP it concerns"), "sips"),
		},
	},
	{
		Name: "survey_answers", Optional: true, Key: []string{"response_id", "question_id"}, Grain: "one row per answer to one question",
		Columns: []Column{
			fk(req("response_id", TypeID, "the response"), "survey_responses"),
			req("question_id", TypeID, "the question, within the response's survey"),
			opt("value", TypeInt, "the answer within the question's scale; empty = no answer / don't know"),
		},
	},
	{
		Name: "population", Optional: true, Key: []string{"municipality_code", "year"}, Grain: "one row per municipality and year",
		Columns: []Column{
			req("municipality_code", TypeText, "SCB municipality code"),
			req("year", TypeInt, "year (population on 31 Dec)"),
			req("population", TypeInt, "SCB population count"),
		},
	},
}
