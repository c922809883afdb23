package transform_test

// This file is an independent oracle for the KPI catalogue: it reads an
// extract folder of contract-v1 CSV files into plain Go structs and computes
// the total of every KPI of /work/shared/spec/kpis.md for one period, with no
// SQL at all. It was written from kpis.md and data-contract.md alone, before
// reading the transform SQL, so that a misreading of the spec in the SQL shows
// up as a difference instead of being repeated.
//
// Interpretations made where kpis.md is ambiguous (the SQL has to agree, or
// one of the two readings is reported as a discrepancy):
//
//   - As-of date A is manifest.json's extracted_at, else the latest date in
//     the data. "Nothing after A has happened yet": a meeting held after A is
//     treated as not held, a consent decided after A and a closure or
//     withdrawal dated after A are ignored. (Clean generated data has none;
//     the comparison test asserts that, so this choice cannot hide a
//     difference.)
//   - Age at the need = year(need_detected_date) − birth_year; at a meeting =
//     year(held_date) − birth_year; child = age < 18.
//   - Initial meeting of a SIP: its earliest held meeting of kind initial with
//     held_date ≤ A (ties on the date: smallest meeting_id). "Initial meetings
//     held in P" (followup_date_missing_share) means these initial meetings,
//     one per SIP, whose held_date is in P.
//   - Declined SIP: some declined consent with no given consent dated strictly
//     later. A given and a declined decision on the same date therefore leave
//     the SIP declined ("no later given"). A given consent counts here even if
//     it was later withdrawn (the definition says "given", not "valid").
//   - coverage: "closed as deceased before an initial meeting" = closure_reason
//     deceased and closed_date ≤ A and (no initial meeting, or closed_date <
//     the initial meeting's held_date). Due = R with an initial meeting held
//     ≤ A, or need + target ≤ A. Numerator = due with an initial meeting.
//   - within_target_share: held_date − need_detected_date ≤ target days
//     (a meeting on day 21 is within a 21-day target); denominator = due.
//   - Lead-time medians/percentiles: quantile_cont over whole day counts;
//     n = number of values; no values → no value.
//   - discharge_sip_share: "at least one held meeting" means any kind, held
//     ≤ A, at any date relative to the discharge.
//   - discharge_to_meeting_median_days: discharges needing SIP in P whose
//     linked SIP has no held meeting on or after discharge_date are left out.
//   - discharge_invitation_on_time_share: invitation − ready ≤ summons days,
//     negative differences (invitation before ready) count as on time.
//   - sips_active: initial meeting held ≤ end of P and (not closed, or
//     closed_date > end of P). Only complete quarters (end of P < A) are
//     compared, so end of P vs A does not matter.
//   - sips_per_10000: population = sum over all population rows of
//     year(end of P); no rows for that year → no value.
//   - Attendance shares: the denominator is every summoned (invited)
//     participant of a held meeting in P, whatever the attendance (a null
//     attendance counts as not attended).
//   - attendance_gap_by_org (by org_type only): kpis.md names two shares for
//     the heat map; its one value is read as the gap to full attendance,
//     (summoned − attended − substitute) / summoned, so absent_notified counts
//     in the gap. summoned_absent_share and summoned_attendance_share by
//     org_type are checked as well. attendance_by_mode =
//     summoned_attendance_share by mode.
//   - child_present_share: the meeting's child flag uses the SIP's person.
//   - goals_set: goals whose set_at meeting has status held and held_date in P.
//   - goals_reviewed: per goal, among its reviews at meetings held in P, the
//     one at the latest held_date (ties: largest meeting_id) counts; the goal
//     is left out when that latest review is not_assessed (the exclusion is
//     applied after choosing the latest review, not before).
//   - followups_due (unit: meetings): held meeting, next_follow_up_date in P,
//     next_follow_up_date + tolerance ≤ A, and its SIP not closed (closed_date
//     ≤ A) before next_follow_up_date (closed_date < next_follow_up_date).
//     On time: a follow_up meeting of the same SIP held strictly after the
//     setting meeting's held_date and ≤ next_follow_up_date + tolerance.
//   - followups_overdue is a point-in-time count at A (unit: SIPs), so it is
//     the same for every period: SIPs with need ≤ A, not closed by A, whose
//     latest held meeting (ties: largest meeting_id) has next_follow_up_date
//     + tolerance < A and no follow_up meeting held after that meeting's date.
//   - plan_complete_share: interventions of any date count; "municipal org
//     type" / "region org type" = the org type's principal in contract.OrgTypes.
//   - consent_expired_active: among sips_active at end of P (E), the latest
//     given consent with decision_date ≤ E and not withdrawn by E (withdrawn
//     null or > E) is expired when E − decision_date > validity days; a SIP
//     with no such consent counts too.
//   - sip_duration_median_days: closed_date − need_detected_date over SIPs
//     closed in P.
//   - shared_it_service_share: denominator = needs_detected with a
//     record_system.
//   - deviations_per_100_meetings: deviations in P / meetings_held in P × 100.
//   - User audit: question_id is taken as the KPI id's key across surveys
//     (survey_<question_id>); n = non-null answers of responses dated in P;
//     index = mean of (v − min)/(max − min) × 100; top box = v ≥ max − 1;
//     survey_dim_<dimension> = the index over all answers of the dimension's
//     questions pooled (answer-weighted, not a mean of question indices).
//   - n: counts have n = the count; shares n = denominator; medians n = values;
//     survey rows n = answers; a rate's numerator/denominator are its
//     parts (active SIPs/population, deviations/meetings held) and its n the
//     units of the rate's base (active SIPs; meetings held).
//   - The KPIs added after kpis.md (addedKPIs), read from their catalogue
//     definitions: sips_consented = SIPs with need in P with a given consent
//     (decided ≤ A) that are not declined; sips_invited = need in P and
//     invitation ≤ A; initial_meetings_held = need in P with an initial
//     meeting (as above); followups_held = held meetings of kind follow_up
//     with held_date in P; lead_time_p25/p75/min/max_days = quantiles 0.25,
//     0.75, 0 and 1 of the lead times of the median.
//   - No data-quality exclusions: the oracle runs on flaw-free data
//     (FlawRate 0) and the comparison test asserts excluded = 0.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/transform"
)

// oracleSettings are the configurable targets the KPIs depend on, in days.
type oracleSettings struct {
	TargetDays int // meeting within this many days of the need
	// TargetDaysByContext overrides TargetDays per SIP context.
	TargetDaysByContext map[string]int
	// TargetDaysChildren, when > 0, is the target for a SIP of a child (under
	// 18 at the need); it takes precedence over the context override.
	TargetDaysChildren    int
	FollowUpToleranceDays int // follow-up may be this many days late
	ConsentValidityDays   int // a given consent is valid this long
	DischargeSummonsDays  int // summons due within this many days of ready-for-discharge
}

// oracleDefaults are kpis.md's defaults.
var oracleDefaults = oracleSettings{TargetDays: 21, FollowUpToleranceDays: 14, ConsentValidityDays: 365, DischargeSummonsDays: 3}

// target is the meeting target in days for SIP s.
func (set oracleSettings) target(s *oSIP) oDay {
	if set.TargetDaysChildren > 0 && s.Need.year()-s.BirthYear < 18 {
		return oDay(set.TargetDaysChildren)
	}
	if d, ok := set.TargetDaysByContext[s.Context]; ok && d > 0 {
		return oDay(d)
	}
	return oDay(set.TargetDays)
}

// oDay is a date as days since 1970-01-01; oNone is a null date.
type oDay int32

const oNone oDay = math.MinInt32

func (d oDay) ok() bool { return d != oNone }

func dayOf(t time.Time) oDay { return oDay(t.Unix() / 86400) }

func (d oDay) year() int { return time.Unix(int64(d)*86400, 0).UTC().Year() }

func (d oDay) String() string {
	if !d.ok() {
		return "null"
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
}

type oPerson struct {
	ID        string
	BirthYear int
	Sex       string
}

type oSIP struct {
	ID, PersonID, Region, Municipality string
	Context, TargetGroup, InitiatedBy  string
	Need                               oDay
	RequestDenied                      bool
	Invitation                         oDay
	LeadOrg                            string
	HasLongTermGoal                    bool
	RecordSystem                       string
	Closed                             oDay
	ClosureReason                      string
	RestartOf                          string

	// Derived.
	BirthYear     int
	Meetings      []*oMeeting // all meetings of the SIP
	Held          []*oMeeting // held on or before A, by held_date then meeting_id
	Initial       *oMeeting   // see the interpretations above
	Consents      []*oConsent // decided on or before A
	Interventions []*oIntervention
}

type oConsent struct {
	ID, SIPID, Decision string
	Date                oDay
	Scope, GivenBy      string
	Withdrawn           oDay
}

type oMeeting struct {
	ID, SIPID, Kind                 string
	Planned                         oDay
	Status                          string
	Held                            oDay // oNone unless held on or before A
	Mode, IndividualPart, ChildPart string
	PlanEstablished                 bool
	NextFollowUp                    oDay
	Participants                    []*oParticipant
	isHeld                          bool
	sip                             *oSIP
}

type oParticipant struct {
	ID, MeetingID, OrgType, Role, Attendance string
}

type oGoal struct {
	ID, SIPID, SetAt, Area, Responsible string
	TargetDate                          oDay
	Reviews                             []*oReview
}

type oReview struct {
	GoalID, MeetingID, Status string
}

type oIntervention struct {
	ID, SIPID, OrgType string
	Start, End         oDay
}

type oDischarge struct {
	ID, PersonID, Region, Municipality string
	Ready, Discharge                   oDay
	CareType                           string
	NeedsMunicipal, NeedsOutpatient    bool
	SIPID                              string
}

type oDeviation struct {
	ID                   string
	Reported             oDay
	Region, Municipality string
	SIPID, Category      string
	ReportedBy, Concerns string
}

type oQuestion struct {
	SurveyID, QuestionID, Dimension, Text string
	Min, Max                              int
}

type oResponse struct {
	ID, SurveyID string
	Date         oDay
	Respondent   string
	SIPID        string
}

type oAnswer struct {
	ResponseID, QuestionID string
	Value                  *int
}

type oPopulation struct {
	Municipality string
	Year, Pop    int
}

// oracleExtract is one extract folder read into plain Go values.
type oracleExtract struct {
	AsOf      oDay
	Delivered map[string]bool // tables whose file was present

	Persons       map[string]*oPerson
	SIPs          []*oSIP
	sipByID       map[string]*oSIP
	Consents      []*oConsent
	Meetings      []*oMeeting
	meetingByID   map[string]*oMeeting
	Participants  []*oParticipant
	Goals         []*oGoal
	Reviews       []*oReview
	Interventions []*oIntervention
	Discharges    []*oDischarge
	Deviations    []*oDeviation
	Questions     []*oQuestion
	Responses     []*oResponse
	Answers       []*oAnswer
	Population    []*oPopulation

	// AfterAsOf counts events dated after A that the oracle ignored
	// (meetings held, consents decided, closures, withdrawals).
	AfterAsOf int
	maxDate   oDay
}

// oTable is one CSV file: its header index and records, with getters that
// remember the first error with file, line and column.
type oTable struct {
	file   string
	table  *contract.Table
	header map[string]int
	recs   [][]string
	line   int // current 1-based line (header = 1)
	rec    []string
	err    error
	x      *oracleExtract
}

func (t *oTable) fail(col, format string, args ...any) {
	if t.err == nil {
		t.err = fmt.Errorf("%s:%d: column %s: %s", t.file, t.line, col, fmt.Sprintf(format, args...))
	}
}

func (t *oTable) raw(col string) string {
	i, ok := t.header[col]
	if !ok || i >= len(t.rec) {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

func (t *oTable) str(col string) string {
	s := t.raw(col)
	c, ok := t.table.Column(col)
	if !ok {
		t.fail(col, "not in contract table %s", t.table.Name)
		return s
	}
	if s == "" {
		if c.Required {
			t.fail(col, "required value is empty")
		}
		return ""
	}
	if c.Codes != nil {
		code, ok := c.Codes.Parse(s)
		if !ok {
			t.fail(col, "%q is not a code of %s", s, c.Codes.Name)
		}
		return code
	}
	return s
}

func (t *oTable) date(col string) oDay {
	s := t.str(col)
	if s == "" {
		return oNone
	}
	if len(s) > 10 {
		s = s[:10] // "YYYY-MM-DD HH:MM[:SS]": the time is dropped
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.fail(col, "%q is not a date", s)
		return oNone
	}
	day := dayOf(d)
	if day > t.x.maxDate {
		t.x.maxDate = day
	}
	return day
}

func (t *oTable) integer(col string) *int {
	s := t.str(col)
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.fail(col, "%q is not a whole number", s)
		return nil
	}
	return &n
}

func (t *oTable) intOr0(col string) int {
	if p := t.integer(col); p != nil {
		return *p
	}
	return 0
}

// boolean returns true only for a true value; false and null are false.
func (t *oTable) boolean(col string) bool {
	switch s := strings.ToLower(t.str(col)); s {
	case "true", "1", "ja", "yes":
		return true
	case "false", "0", "nej", "no", "":
		return false
	default:
		t.fail(col, "%q is not a boolean", s)
		return false
	}
}

// readOracleTable reads <dir>/<name>.csv; ok is false when the file is absent.
func (x *oracleExtract) readTable(dir, name string, row func(t *oTable)) error {
	ct, found := contract.Lookup(name)
	if !found {
		return fmt.Errorf("oracle: no contract table %s", name)
	}
	path := filepath.Join(dir, name+".csv")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if !ct.Optional {
			return fmt.Errorf("oracle: required table %s: %w", name, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("oracle: %w", err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("oracle: %s: header: %w", path, err)
	}
	t := &oTable{file: filepath.Base(path), table: ct, header: map[string]int{}, x: x}
	for i, h := range head {
		t.header[strings.ToLower(strings.TrimSpace(h))] = i
	}
	x.Delivered[name] = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("oracle: %s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		t.line, t.rec = line, rec
		row(t)
		if t.err != nil {
			return fmt.Errorf("oracle: %w", t.err)
		}
	}
	return nil
}

// readOracleExtract reads an extract folder of contract-v1 CSV files.
func readOracleExtract(dir string) (*oracleExtract, error) {
	x := &oracleExtract{
		Delivered: map[string]bool{}, Persons: map[string]*oPerson{},
		sipByID: map[string]*oSIP{}, meetingByID: map[string]*oMeeting{},
		maxDate: oNone, AsOf: oNone,
	}
	steps := []struct {
		name string
		row  func(t *oTable)
	}{
		{"persons", func(t *oTable) {
			p := &oPerson{ID: t.str("person_id"), BirthYear: t.intOr0("birth_year"), Sex: t.str("sex")}
			x.Persons[p.ID] = p
		}},
		{"sips", func(t *oTable) {
			s := &oSIP{
				ID: t.str("sip_id"), PersonID: t.str("person_id"), Region: t.str("region_code"),
				Municipality: t.str("municipality_code"), Context: t.str("context"),
				TargetGroup: t.str("target_group"), InitiatedBy: t.str("initiated_by"),
				Need: t.date("need_detected_date"), RequestDenied: t.boolean("request_denied"),
				Invitation: t.date("invitation_sent_date"), LeadOrg: t.str("lead_org"),
				HasLongTermGoal: t.boolean("has_long_term_goal"), RecordSystem: t.str("record_system"),
				Closed: t.date("closed_date"), ClosureReason: t.str("closure_reason"),
				RestartOf: t.str("restart_of"),
			}
			x.SIPs = append(x.SIPs, s)
			x.sipByID[s.ID] = s
		}},
		{"consents", func(t *oTable) {
			x.Consents = append(x.Consents, &oConsent{
				ID: t.str("consent_id"), SIPID: t.str("sip_id"), Decision: t.str("decision"),
				Date: t.date("decision_date"), Scope: t.str("scope"), GivenBy: t.str("given_by"),
				Withdrawn: t.date("withdrawn_date"),
			})
		}},
		{"meetings", func(t *oTable) {
			m := &oMeeting{
				ID: t.str("meeting_id"), SIPID: t.str("sip_id"), Kind: t.str("kind"),
				Planned: t.date("planned_date"), Status: t.str("status"), Held: t.date("held_date"),
				Mode: t.str("mode"), IndividualPart: t.str("individual_participation"),
				ChildPart: t.str("child_participation"), PlanEstablished: t.boolean("plan_established"),
				NextFollowUp: t.date("next_follow_up_date"),
			}
			x.Meetings = append(x.Meetings, m)
			x.meetingByID[m.ID] = m
		}},
		{"participants", func(t *oTable) {
			x.Participants = append(x.Participants, &oParticipant{
				ID: t.str("participant_id"), MeetingID: t.str("meeting_id"), OrgType: t.str("org_type"),
				Role: t.str("role"), Attendance: t.str("attendance"),
			})
		}},
		{"goals", func(t *oTable) {
			x.Goals = append(x.Goals, &oGoal{
				ID: t.str("goal_id"), SIPID: t.str("sip_id"), SetAt: t.str("set_at_meeting_id"),
				Area: t.str("area"), Responsible: t.str("responsible_org"), TargetDate: t.date("target_date"),
			})
		}},
		{"goal_reviews", func(t *oTable) {
			x.Reviews = append(x.Reviews, &oReview{GoalID: t.str("goal_id"), MeetingID: t.str("meeting_id"), Status: t.str("status")})
		}},
		{"interventions", func(t *oTable) {
			x.Interventions = append(x.Interventions, &oIntervention{
				ID: t.str("intervention_id"), SIPID: t.str("sip_id"), OrgType: t.str("org_type"),
				Start: t.date("start_date"), End: t.date("end_date"),
			})
		}},
		{"discharges", func(t *oTable) {
			x.Discharges = append(x.Discharges, &oDischarge{
				ID: t.str("discharge_id"), PersonID: t.str("person_id"), Region: t.str("region_code"),
				Municipality: t.str("municipality_code"), Ready: t.date("ready_for_discharge_date"),
				Discharge: t.date("discharge_date"), CareType: t.str("care_type"),
				NeedsMunicipal: t.boolean("needs_municipal"), NeedsOutpatient: t.boolean("needs_outpatient"),
				SIPID: t.str("sip_id"),
			})
		}},
		{"deviations", func(t *oTable) {
			x.Deviations = append(x.Deviations, &oDeviation{
				ID: t.str("deviation_id"), Reported: t.date("reported_date"), Region: t.str("region_code"),
				Municipality: t.str("municipality_code"), SIPID: t.str("sip_id"), Category: t.str("category"),
				ReportedBy: t.str("reported_by_org"), Concerns: t.str("concerns_org"),
			})
		}},
		{"survey_questions", func(t *oTable) {
			x.Questions = append(x.Questions, &oQuestion{
				SurveyID: t.str("survey_id"), QuestionID: t.str("question_id"), Dimension: t.str("dimension"),
				Text: t.str("text_sv"), Min: t.intOr0("scale_min"), Max: t.intOr0("scale_max"),
			})
		}},
		{"survey_responses", func(t *oTable) {
			x.Responses = append(x.Responses, &oResponse{
				ID: t.str("response_id"), SurveyID: t.str("survey_id"), Date: t.date("response_date"),
				Respondent: t.str("respondent"), SIPID: t.str("sip_id"),
			})
		}},
		{"survey_answers", func(t *oTable) {
			x.Answers = append(x.Answers, &oAnswer{ResponseID: t.str("response_id"), QuestionID: t.str("question_id"), Value: t.integer("value")})
		}},
		{"population", func(t *oTable) {
			x.Population = append(x.Population, &oPopulation{Municipality: t.str("municipality_code"), Year: t.intOr0("year"), Pop: t.intOr0("population")})
		}},
	}
	for _, s := range steps {
		if err := x.readTable(dir, s.name, s.row); err != nil {
			return nil, err
		}
	}
	if err := x.readManifest(dir); err != nil {
		return nil, err
	}
	if !x.AsOf.ok() {
		x.AsOf = x.maxDate
	}
	if err := x.link(); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *oracleExtract) readManifest(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("oracle: %w", err)
	}
	var m struct {
		ExtractedAt string `json:"extracted_at"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("oracle: manifest.json: %w", err)
	}
	if m.ExtractedAt == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, m.ExtractedAt)
	if err != nil {
		return fmt.Errorf("oracle: manifest.json: extracted_at %q is not a date", m.ExtractedAt)
	}
	x.AsOf = dayOf(d)
	return nil
}

// link resolves the foreign keys, applies "nothing after A has happened" and
// derives each SIP's held meetings, initial meeting and consents.
func (x *oracleExtract) link() error {
	A := x.AsOf
	for _, s := range x.SIPs {
		p, ok := x.Persons[s.PersonID]
		if !ok {
			return fmt.Errorf("oracle: sip %s: person %s not in persons", s.ID, s.PersonID)
		}
		s.BirthYear = p.BirthYear
		if s.Closed.ok() && s.Closed > A {
			x.AfterAsOf++
			s.Closed, s.ClosureReason = oNone, ""
		}
	}
	for _, m := range x.Meetings {
		s, ok := x.sipByID[m.SIPID]
		if !ok {
			return fmt.Errorf("oracle: meeting %s: sip %s not in sips", m.ID, m.SIPID)
		}
		m.sip = s
		s.Meetings = append(s.Meetings, m)
		m.isHeld = m.Status == "held" && m.Held.ok()
		if m.isHeld && m.Held > A {
			x.AfterAsOf++
			m.isHeld = false
		}
		if !m.isHeld {
			m.Held = oNone
		}
		if m.isHeld {
			s.Held = append(s.Held, m)
		}
	}
	for _, s := range x.SIPs {
		sort.Slice(s.Held, func(i, j int) bool {
			if s.Held[i].Held != s.Held[j].Held {
				return s.Held[i].Held < s.Held[j].Held
			}
			return s.Held[i].ID < s.Held[j].ID
		})
		for _, m := range s.Held {
			if m.Kind == "initial" {
				s.Initial = m
				break
			}
		}
	}
	for _, c := range x.Consents {
		s, ok := x.sipByID[c.SIPID]
		if !ok {
			return fmt.Errorf("oracle: consent %s: sip %s not in sips", c.ID, c.SIPID)
		}
		if c.Date > A {
			x.AfterAsOf++
			continue
		}
		if c.Withdrawn.ok() && c.Withdrawn > A {
			x.AfterAsOf++
			c.Withdrawn = oNone
		}
		s.Consents = append(s.Consents, c)
	}
	for _, p := range x.Participants {
		m, ok := x.meetingByID[p.MeetingID]
		if !ok {
			return fmt.Errorf("oracle: participant %s: meeting %s not in meetings", p.ID, p.MeetingID)
		}
		m.Participants = append(m.Participants, p)
	}
	goals := map[string]*oGoal{}
	for _, g := range x.Goals {
		goals[g.ID] = g
	}
	for _, r := range x.Reviews {
		g, ok := goals[r.GoalID]
		if !ok {
			return fmt.Errorf("oracle: goal review: goal %s not in goals", r.GoalID)
		}
		g.Reviews = append(g.Reviews, r)
	}
	for _, iv := range x.Interventions {
		s, ok := x.sipByID[iv.SIPID]
		if !ok {
			return fmt.Errorf("oracle: intervention %s: sip %s not in sips", iv.ID, iv.SIPID)
		}
		s.Interventions = append(s.Interventions, iv)
	}
	return nil
}

// declined reports whether a SIP's consents include a declined decision with
// no given decision dated strictly later.
func (s *oSIP) declined() bool {
	lastDeclined, lastGiven := oNone, oNone
	for _, c := range s.Consents {
		switch c.Decision {
		case "declined":
			lastDeclined = max(lastDeclined, c.Date)
		case "given":
			lastGiven = max(lastGiven, c.Date)
		}
	}
	return lastDeclined.ok() && lastGiven <= lastDeclined
}

// oracleValue is one KPI figure as the oracle computes it. Nil pointers mean
// "no value" (no units, or no data).
type oracleValue struct {
	Value, Numerator, Denominator *float64
	N                             int64
	NoData                        bool
}

// oracleResult holds the totals by KPI id, and the per-group values of the
// attendance KPIs by org type and by mode: the two KPIs that exist only as
// breakdowns (attendance_gap_by_org, attendance_by_mode) and the shares
// kpis.md names for the org-type heat map.
type oracleResult struct {
	Total   map[string]oracleValue
	ByGroup map[oracleGroupKey]map[string]oracleValue // group code → value
}

type oracleGroupKey struct{ KPI, Breakdown string }

func f64(v float64) *float64 { return &v }

func oCount(n int) oracleValue { return oracleValue{Value: f64(float64(n)), N: int64(n)} }

func oShare(num, den int) oracleValue {
	v := oracleValue{Numerator: f64(float64(num)), Denominator: f64(float64(den)), N: int64(den)}
	if den > 0 {
		v.Value = f64(float64(num) / float64(den))
	}
	return v
}

// quantileCont is DuckDB's quantile_cont and numpy's default percentile:
// linear interpolation between the two nearest ranks.
func quantileCont(xs []float64, q float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	h := float64(len(s)-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return f64(s[len(s)-1])
	}
	return f64(s[i] + (h-lo)*(s[i+1]-s[i]))
}

func oQuantile(xs []float64, q float64) oracleValue {
	return oracleValue{Value: quantileCont(xs, q), N: int64(len(xs))}
}

func principal(org string) contract.Principal {
	o, ok := contract.OrgByCode(org)
	if !ok {
		return ""
	}
	return o.Principal
}

// compute returns every KPI total of kpis.md for period p.
func (x *oracleExtract) compute(p transform.Period, set oracleSettings) oracleResult {
	A := x.AsOf
	ps, pe := dayOf(p.Start), dayOf(p.End)
	in := func(d oDay) bool { return d.ok() && d >= ps && d <= pe }
	res := oracleResult{Total: map[string]oracleValue{}, ByGroup: map[oracleGroupKey]map[string]oracleValue{}}
	out := res.Total
	noData := func(ids ...string) {
		for _, id := range ids {
			out[id] = oracleValue{NoData: true}
		}
	}

	// Coverage and lead times over the SIPs whose need was detected in P.
	var needs, declined, denied, school, indiv, withRecord, shared int
	var consented, sipsInvited, withInitial int
	var due, dueMet, dueWithin int
	var lead, invLead []float64
	for _, s := range x.SIPs {
		if !in(s.Need) {
			continue
		}
		needs++
		if s.RequestDenied {
			denied++
		}
		switch s.InitiatedBy {
		case "school":
			school++
		case "individual", "relative":
			indiv++
		}
		if s.RecordSystem != "" {
			withRecord++
			if s.RecordSystem == "shared_it_service" {
				shared++
			}
		}
		if s.Invitation.ok() && s.Invitation <= A {
			sipsInvited++
		}
		if s.Initial != nil {
			withInitial++
		}
		if s.declined() {
			declined++
			continue
		}
		for _, c := range s.Consents {
			if c.Decision == "given" {
				consented++
				break
			}
		}
		if s.ClosureReason == "deceased" && s.Closed.ok() && (s.Initial == nil || s.Closed < s.Initial.Held) {
			continue
		}
		// s is in R.
		if s.Invitation.ok() && s.Invitation <= A {
			invLead = append(invLead, float64(s.Invitation-s.Need))
		}
		if s.Initial != nil {
			lead = append(lead, float64(s.Initial.Held-s.Need))
		}
		if s.Initial != nil || s.Need+set.target(s) <= A {
			due++
			if s.Initial != nil {
				dueMet++
				if s.Initial.Held-s.Need <= set.target(s) {
					dueWithin++
				}
			}
		}
	}
	out["needs_detected"] = oCount(needs)
	out["needs_declined_share"] = oShare(declined, needs)
	out["requests_denied"] = oCount(denied)
	out["coverage"] = oShare(dueMet, due)
	out["lead_time_median_days"] = oQuantile(lead, 0.5)
	out["lead_time_p90_days"] = oQuantile(lead, 0.9)
	out["lead_time_p25_days"] = oQuantile(lead, 0.25)
	out["lead_time_p75_days"] = oQuantile(lead, 0.75)
	out["lead_time_min_days"] = oQuantile(lead, 0)
	out["lead_time_max_days"] = oQuantile(lead, 1)
	out["sips_consented"] = oCount(consented)
	out["sips_invited"] = oCount(sipsInvited)
	out["initial_meetings_held"] = oCount(withInitial)
	out["within_target_share"] = oShare(dueWithin, due)
	out["invitation_lead_median_days"] = oQuantile(invLead, 0.5)
	out["initiated_by_school_share"] = oShare(school, needs)
	out["initiated_by_individual_share"] = oShare(indiv, needs)
	out["shared_it_service_share"] = oShare(shared, withRecord)

	// Stock at the end of P.
	var active, expired int
	for _, s := range x.SIPs {
		if s.Initial == nil || s.Initial.Held > pe || (s.Closed.ok() && s.Closed <= pe) {
			continue
		}
		active++
		latest := oNone
		for _, c := range s.Consents {
			if c.Decision == "given" && c.Date <= pe && (!c.Withdrawn.ok() || c.Withdrawn > pe) {
				latest = max(latest, c.Date)
			}
		}
		if !latest.ok() || pe-latest > oDay(set.ConsentValidityDays) {
			expired++
		}
	}
	out["sips_active"] = oCount(active)
	out["consent_expired_active"] = oCount(expired)
	if !x.Delivered["population"] {
		noData("sips_per_10000")
	} else {
		pop, rows := 0, 0
		for _, r := range x.Population {
			if r.Year == p.End.Year() {
				pop += r.Pop
				rows++
			}
		}
		v := oracleValue{N: int64(active), Numerator: f64(float64(active))}
		if rows > 0 {
			v.Denominator = f64(float64(pop))
		}
		if rows > 0 && pop > 0 {
			v.Value = f64(float64(active) / float64(pop) * 10000)
		}
		out["sips_per_10000"] = v
	}

	// Discharges.
	if !x.Delivered["discharges"] {
		noData("discharges_needing_sip", "discharge_sip_share", "discharge_to_meeting_median_days", "discharge_invitation_on_time_share")
	} else {
		var needing, withHeld, invDen, invOnTime int
		var toMeeting []float64
		for _, d := range x.Discharges {
			if !in(d.Discharge) || !d.NeedsMunicipal || !d.NeedsOutpatient {
				continue
			}
			needing++
			s := x.sipByID[d.SIPID]
			if s == nil {
				continue
			}
			if len(s.Held) > 0 {
				withHeld++
			}
			for _, m := range s.Held {
				if m.Held >= d.Discharge {
					toMeeting = append(toMeeting, float64(m.Held-d.Discharge))
					break
				}
			}
			if d.Ready.ok() && s.Invitation.ok() && s.Invitation <= A {
				invDen++
				if s.Invitation-d.Ready <= oDay(set.DischargeSummonsDays) {
					invOnTime++
				}
			}
		}
		out["discharges_needing_sip"] = oCount(needing)
		out["discharge_sip_share"] = oShare(withHeld, needing)
		out["discharge_to_meeting_median_days"] = oQuantile(toMeeting, 0.5)
		out["discharge_invitation_on_time_share"] = oShare(invOnTime, invDen)
	}

	// Meetings held in P: attendance, participation, ways of working.
	type att struct{ num, absent, den int }
	var held, present, represented, childDen, childPresent, video, followUps int
	var summoned, invited att
	byOrg, byMode := map[string]*att{}, map[string]*att{}
	for _, m := range x.Meetings {
		if !m.isHeld || !in(m.Held) {
			continue
		}
		held++
		if m.Kind == "follow_up" {
			followUps++
		}
		switch m.IndividualPart {
		case "present":
			present++
		case "represented":
			represented++
		}
		if m.Held.year()-m.sip.BirthYear < 18 && (m.ChildPart == "present" || m.ChildPart == "absent") {
			childDen++
			if m.ChildPart == "present" {
				childPresent++
			}
		}
		if m.Mode == "video" || m.Mode == "hybrid" {
			video++
		}
		for _, pt := range m.Participants {
			came := pt.Attendance == "attended" || pt.Attendance == "substitute"
			var cells []*att
			switch pt.Role {
			case "summoned":
				if byOrg[pt.OrgType] == nil {
					byOrg[pt.OrgType] = &att{}
				}
				if byMode[m.Mode] == nil {
					byMode[m.Mode] = &att{}
				}
				cells = []*att{&summoned, byOrg[pt.OrgType], byMode[m.Mode]}
			case "invited":
				cells = []*att{&invited}
			}
			for _, c := range cells {
				c.den++
				if came {
					c.num++
				}
				if pt.Attendance == "absent" {
					c.absent++
				}
			}
		}
	}
	out["meetings_held"] = oCount(held)
	out["followups_held"] = oCount(followUps)
	out["summoned_attendance_share"] = oShare(summoned.num, summoned.den)
	out["summoned_absent_share"] = oShare(summoned.absent, summoned.den)
	out["invited_attendance_share"] = oShare(invited.num, invited.den)
	out["individual_present_share"] = oShare(present, held)
	out["individual_represented_share"] = oShare(represented, held)
	out["child_present_share"] = oShare(childPresent, childDen)
	out["video_share"] = oShare(video, held)
	group := func(kpi, breakdown string, cells map[string]*att, f func(a *att) oracleValue) {
		vs := map[string]oracleValue{}
		for g, a := range cells {
			vs[g] = f(a)
		}
		res.ByGroup[oracleGroupKey{kpi, breakdown}] = vs
	}
	attended := func(a *att) oracleValue { return oShare(a.num, a.den) }
	group("summoned_attendance_share", "org_type", byOrg, attended)
	group("summoned_absent_share", "org_type", byOrg, func(a *att) oracleValue { return oShare(a.absent, a.den) })
	group("attendance_gap_by_org", "org_type", byOrg, func(a *att) oracleValue { return oShare(a.den-a.num, a.den) })
	group("summoned_attendance_share", "mode", byMode, attended)
	group("attendance_by_mode", "mode", byMode, attended)

	// Goals.
	var set_, smart, reviewed, achieved, partly, notAchieved int
	for _, g := range x.Goals {
		if m := x.meetingByID[g.SetAt]; m != nil && m.isHeld && in(m.Held) {
			set_++
			if g.Responsible != "" && g.TargetDate.ok() {
				smart++
			}
		}
		var latest *oReview
		var latestM *oMeeting
		for _, r := range g.Reviews {
			m := x.meetingByID[r.MeetingID]
			if m == nil || !m.isHeld || !in(m.Held) {
				continue
			}
			if latestM == nil || m.Held > latestM.Held || (m.Held == latestM.Held && m.ID > latestM.ID) {
				latest, latestM = r, m
			}
		}
		if latest == nil || latest.Status == "not_assessed" {
			continue
		}
		reviewed++
		switch latest.Status {
		case "achieved":
			achieved++
		case "partly_achieved":
			partly++
		case "not_achieved":
			notAchieved++
		}
	}
	out["goals_set"] = oCount(set_)
	out["goal_smart_share"] = oShare(smart, set_)
	out["goals_reviewed"] = oCount(reviewed)
	out["goal_achieved_share"] = oShare(achieved, reviewed)
	out["goal_partly_share"] = oShare(partly, reviewed)
	out["goal_not_achieved_share"] = oShare(notAchieved, reviewed)

	// Follow-up.
	tol := oDay(set.FollowUpToleranceDays)
	var fuDue, fuOnTime int
	for _, m := range x.Meetings {
		if !m.isHeld || !in(m.NextFollowUp) || m.NextFollowUp+tol > A {
			continue
		}
		if s := m.sip; s.Closed.ok() && s.Closed < m.NextFollowUp {
			continue
		}
		fuDue++
		for _, f := range m.sip.Held {
			if f.Kind == "follow_up" && f.Held > m.Held && f.Held <= m.NextFollowUp+tol {
				fuOnTime++
				break
			}
		}
	}
	out["followups_due"] = oCount(fuDue)
	out["followup_on_time_share"] = oShare(fuOnTime, fuDue)
	var initials, initialsNoFU int
	var planDen, planComplete, longTerm int
	for _, s := range x.SIPs {
		if s.Initial != nil && in(s.Initial.Held) {
			initials++
			if !s.Initial.NextFollowUp.ok() {
				initialsNoFU++
			}
			planDen++
			var mun, reg bool
			for _, iv := range s.Interventions {
				switch principal(iv.OrgType) {
				case contract.Municipality:
					mun = true
				case contract.Region:
					reg = true
				}
			}
			if mun && reg && s.LeadOrg != "" && s.Initial.NextFollowUp.ok() {
				planComplete++
			}
			if s.HasLongTermGoal {
				longTerm++
			}
		}
	}
	out["followup_date_missing_share"] = oShare(initialsNoFU, initials)
	out["followups_overdue"] = oCount(x.overdueAt(A, tol))
	if !x.Delivered["interventions"] {
		noData("plan_complete_share")
	} else {
		out["plan_complete_share"] = oShare(planComplete, planDen)
	}
	out["long_term_goal_share"] = oShare(longTerm, planDen)

	// Consents withdrawn in P.
	var withdrawn int
	for _, c := range x.Consents {
		if c.Date <= A && in(c.Withdrawn) && c.Withdrawn <= A {
			withdrawn++
		}
	}
	out["consents_withdrawn"] = oCount(withdrawn)

	// Closure.
	var closed, restart int
	var duration []float64
	for _, s := range x.SIPs {
		if !in(s.Closed) {
			continue
		}
		closed++
		duration = append(duration, float64(s.Closed-s.Need))
		if s.ClosureReason == "goal_changed_restart" {
			restart++
		}
	}
	out["sips_closed"] = oCount(closed)
	out["sip_duration_median_days"] = oQuantile(duration, 0.5)
	out["restart_share"] = oShare(restart, closed)

	// Deviations.
	if !x.Delivered["deviations"] {
		noData("deviations", "deviations_per_100_meetings")
	} else {
		var devs int
		for _, d := range x.Deviations {
			if in(d.Reported) {
				devs++
			}
		}
		out["deviations"] = oCount(devs)
		v := oracleValue{N: int64(held), Numerator: f64(float64(devs)), Denominator: f64(float64(held))}
		if held > 0 {
			v.Value = f64(float64(devs) / float64(held) * 100)
		}
		out["deviations_per_100_meetings"] = v
	}

	// User audit.
	if x.Delivered["survey_questions"] && x.Delivered["survey_responses"] && x.Delivered["survey_answers"] {
		for id, v := range x.survey(in) {
			out[id] = v
		}
	}
	return res
}

// overdueAt counts the SIPs open at day e whose latest meeting held on or
// before e asked for a follow-up with next_follow_up_date + tol < e, with no
// follow_up meeting held after it by e. kpis.md evaluates it at e = A.
func (x *oracleExtract) overdueAt(e, tol oDay) int {
	n := 0
	for _, s := range x.SIPs {
		if s.Need > e || (s.Closed.ok() && s.Closed <= e) {
			continue
		}
		var last *oMeeting
		for _, m := range s.Held {
			if m.Held <= e {
				last = m
			}
		}
		if last == nil || !last.NextFollowUp.ok() || last.NextFollowUp+tol >= e {
			continue
		}
		later := false
		for _, f := range s.Held {
			if f.Kind == "follow_up" && f.Held > last.Held && f.Held <= e {
				later = true
			}
		}
		if !later {
			n++
		}
	}
	return n
}

// survey computes survey_<question_id>, survey_<question_id>_mean,
// survey_<question_id>_top_box_share and survey_dim_<dimension>.
func (x *oracleExtract) survey(in func(oDay) bool) map[string]oracleValue {
	type qkey struct{ survey, question string }
	questions := map[qkey]*oQuestion{}
	for _, q := range x.Questions {
		questions[qkey{q.SurveyID, q.QuestionID}] = q
	}
	responses := map[string]*oResponse{}
	for _, r := range x.Responses {
		responses[r.ID] = r
	}
	type acc struct {
		n, top   int
		sum, idx float64
	}
	byQ, byDim := map[string]*acc{}, map[string]*acc{}
	get := func(m map[string]*acc, k string) *acc {
		if m[k] == nil {
			m[k] = &acc{}
		}
		return m[k]
	}
	for _, q := range x.Questions {
		get(byQ, q.QuestionID)
		get(byDim, q.Dimension)
	}
	for _, a := range x.Answers {
		r := responses[a.ResponseID]
		if r == nil || !in(r.Date) || a.Value == nil {
			continue
		}
		q := questions[qkey{r.SurveyID, a.QuestionID}]
		if q == nil {
			continue
		}
		v := float64(*a.Value)
		idx := (v - float64(q.Min)) / float64(q.Max-q.Min) * 100
		for _, c := range []*acc{get(byQ, q.QuestionID), get(byDim, q.Dimension)} {
			c.n++
			c.sum += v
			c.idx += idx
			if *a.Value >= q.Max-1 {
				c.top++
			}
		}
	}
	out := map[string]oracleValue{}
	for id, c := range byQ {
		idx, mean := oracleValue{N: int64(c.n)}, oracleValue{N: int64(c.n)}
		if c.n > 0 {
			idx.Value = f64(c.idx / float64(c.n))
			mean.Value = f64(c.sum / float64(c.n))
		}
		out["survey_"+id] = idx
		out["survey_"+id+"_mean"] = mean
		out["survey_"+id+"_top_box_share"] = oShare(c.top, c.n)
	}
	for dim, c := range byDim {
		v := oracleValue{N: int64(c.n)}
		if c.n > 0 {
			v.Value = f64(c.idx / float64(c.n))
		}
		out["survey_dim_"+dim] = v
	}
	return out
}

// kpisFromSpec returns the KPI ids of kpis.md: every backticked id in the
// first column of the KPI tables.
// specKPIs are the fixed KPI ids of kpis.md, in its order (the user audit's
// ids depend on the survey's questions and are checked separately), and
// addedKPIs the catalogue KPIs added after it (the process funnel and the box
// plot's quartiles), which the oracle computes too: transform's one list
// (testdata/spec/kpi_ids.txt, spec_test.go).
var specKPIs, addedKPIs = transform.SpecKPIIDs, transform.AddedKPIIDs

// breakdownOnlyKPIs have no total of their own in kpis.md: they are another
// KPI split by a breakdown.
var breakdownOnlyKPIs = map[string]string{
	"attendance_gap_by_org": "org_type",
	"attendance_by_mode":    "mode",
}

// TestOracleHandmade proves the oracle on a tiny extract whose every figure
// was worked out by hand (testdata/oracle/handmade; the reasoning is in the
// comments next to each expected value). Period 2026Q3, A = 2026-10-05.
func TestOracleHandmade(t *testing.T) {
	x, err := readOracleExtract(filepath.Join("testdata", "oracle", "handmade"))
	if err != nil {
		t.Fatal(err)
	}
	if got := x.AsOf.String(); got != "2026-10-05" {
		t.Fatalf("as-of = %s, want 2026-10-05 from manifest.json", got)
	}
	res := x.compute(transform.Quarter(2026, 3), oracleDefaults)
	type want struct {
		value    float64
		num, den float64 // checked when den > 0
		n        int64
	}
	share := func(num, den float64) want { return want{num / den, num, den, int64(den)} }
	count := func(n float64) want { return want{n, 0, 0, int64(n)} }
	cases := map[string]want{
		// Needs in Q3: S1–S6. S3 declined (declined and given on the same
		// day: no *later* given). S3 request_denied.
		"needs_detected":       count(6),
		"needs_declined_share": share(1, 6),
		"requests_denied":      count(1),
		// R = S1, S2, S4, S6 (S5 deceased before any meeting). S4 pending
		// (25 Sep + 21 > 5 Oct). Due = S1, S2 (met) and S6 (not met).
		"coverage":              share(2, 3),
		"within_target_share":   share(1, 3),             // S1 14 days; S2 41 days
		"lead_time_median_days": {27.5, 0, 0, 2},         // (14+41)/2
		"lead_time_p90_days":    {14 + 0.9*27, 0, 0, 2},  // 38.3
		"lead_time_p25_days":    {14 + 0.25*27, 0, 0, 2}, // 20.75
		"lead_time_p75_days":    {14 + 0.75*27, 0, 0, 2}, // 34.25
		"lead_time_min_days":    {14, 0, 0, 2},
		"lead_time_max_days":    {41, 0, 0, 2},
		// Funnel of S1–S6: given consent and not declined S1 (C1), S2 (C2,
		// old but given), S6 (given 12 Aug after declining 10 Aug); S3 is
		// declined (same-day given is not later). Invited S1, S2, S4. Initial
		// meeting held S1 (M1), S2 (M2); S6's M9 was cancelled.
		"sips_consented":                count(3),
		"sips_invited":                  count(3),
		"initial_meetings_held":         count(2),
		"invitation_lead_median_days":   {3, 0, 0, 3}, // 2, 10, 3
		"initiated_by_school_share":     share(1, 6),  // S1
		"initiated_by_individual_share": share(2, 6),  // S2 individual, S4 relative
		"shared_it_service_share":       share(2, 4),  // S1, S4 of S1, S2, S4, S5
		// Active on 30 Sep: S1, S2, S7 (S8 closed 31 Aug). Population 2026:
		// 30 000 (the 2025 row is ignored).
		"sips_active":    count(3),
		"sips_per_10000": {1, 3, 30000, 3},
		// S2's only consent is from 2025-06-01 (486 days); S7's was withdrawn 1 Sep.
		"consent_expired_active": count(2),
		"consents_withdrawn":     count(1),
		// D1, D2, D4 need both principals (D3 not outpatient). Only S1 (D1)
		// has a held meeting: 5 days after discharge. Invitation: D1 −5 days
		// (on time), D4 8 days (late); D2's SIP has no invitation.
		"discharges_needing_sip":             count(3),
		"discharge_sip_share":                share(1, 3),
		"discharge_to_meeting_median_days":   {5, 0, 0, 1},
		"discharge_invitation_on_time_share": share(1, 2),
		// Held in Q3: M1, M2, M3, M8, M12. Summoned: 7, of whom T1, T4, T8,
		// T9 came and T2, T7 were absent; invited: T3 came, T6 did not.
		"meetings_held":                count(5),
		"followups_held":               count(3), // M3, M8, M12
		"summoned_attendance_share":    share(4, 7),
		"summoned_absent_share":        share(2, 7),
		"invited_attendance_share":     share(1, 2),
		"individual_present_share":     share(3, 5), // M1, M3, M12
		"individual_represented_share": share(1, 5), // M2
		"child_present_share":          share(1, 2), // S2 (born 2012): M2 present, M12 absent
		"video_share":                  share(2, 5), // M2 video, M8 hybrid
		// Goals set at M1 (G1, G2) and M2 (G4); G3 at M7 in Q2. G1, G4 SMART.
		// Latest review in Q3: G1 achieved, G2 not achieved (M3 after M1), G3
		// partly; G4's latest is not_assessed, so G4 is out.
		"goals_set":               count(3),
		"goal_smart_share":        share(2, 3),
		"goals_reviewed":          count(3),
		"goal_achieved_share":     share(1, 3),
		"goal_partly_share":       share(1, 3),
		"goal_not_achieved_share": share(1, 3),
		// Follow-up dates in Q3: M1 15 Aug (M3 on 20 Aug: on time), M7 20 Jul
		// (M8 on 30 Jul: on time), M8 15 Sep (none after: late), M11 5 Sep
		// (S8 closed 31 Aug before it: excluded).
		"followups_due":          count(3),
		"followup_on_time_share": share(2, 3),
		// Initial meetings in Q3: M1 (has a date), M2 (none).
		"followup_date_missing_share": share(1, 2),
		// At A: S7's latest meeting M8 asked for 15 Sep; 29 Sep < 5 Oct.
		"followups_overdue": count(1),
		// S1: municipal + region interventions, lead org, follow-up date; S2
		// lacks lead org and date. S1 has a long-term goal.
		"plan_complete_share":  share(1, 2),
		"long_term_goal_share": share(1, 2),
		// Closed in Q3: S5 (15 days, deceased), S8 (211 days, restart).
		"sips_closed":              count(2),
		"sip_duration_median_days": {113, 0, 0, 2},
		"restart_share":            share(1, 2),
		// DV1, DV2 in Q3 (DV3 is 1 Oct); 2 per 5 meetings.
		"deviations":                  count(2),
		"deviations_per_100_meetings": {40, 2, 5, 5},
		// Survey answers in Q3: R1 and R2 (R3 is 30 Jun).
		"survey_q1":                {87.5, 0, 0, 2}, // 5→100, 4→75
		"survey_q1_mean":           {4.5, 0, 0, 2},
		"survey_q1_top_box_share":  share(2, 2),
		"survey_q2":                {50, 0, 0, 1}, // R2's answer is null
		"survey_q2_mean":           {3, 0, 0, 1},
		"survey_q2_top_box_share":  share(0, 1),
		"survey_q3":                {70, 0, 0, 2}, // 0–10 scale: 10→100, 4→40
		"survey_q3_mean":           {7, 0, 0, 2},
		"survey_q3_top_box_share":  share(1, 2), // 10 ≥ 9, 4 is not
		"survey_dim_information":   {87.5, 0, 0, 2},
		"survey_dim_participation": {(50 + 100 + 40) / 3.0, 0, 0, 3},
	}
	for id, w := range cases {
		t.Run(id, func(t *testing.T) {
			got, ok := res.Total[id]
			if !ok {
				t.Fatalf("oracle has no %s", id)
			}
			if got.Value == nil || math.Abs(*got.Value-w.value) > 1e-9 {
				t.Errorf("value = %s, want %v", fmtPtr(got.Value), w.value)
			}
			if w.den > 0 && (got.Numerator == nil || got.Denominator == nil || *got.Numerator != w.num || *got.Denominator != w.den) {
				t.Errorf("numerator/denominator = %s/%s, want %v/%v", fmtPtr(got.Numerator), fmtPtr(got.Denominator), w.num, w.den)
			}
			if got.N != w.n {
				t.Errorf("n = %d, want %d", got.N, w.n)
			}
		})
	}
	for _, id := range append(slices.Clone(specKPIs), addedKPIs...) {
		if _, ok := breakdownOnlyKPIs[id]; ok {
			continue
		}
		if _, ok := cases[id]; !ok {
			t.Errorf("no hand-worked case for %s", id)
		}
	}

	groups := map[oracleGroupKey]map[string]want{
		// Summoned by org type: primary care T1 came, T7 absent; social
		// services T2 absent, T8, T9 came; school T4 substitute; BUP T5
		// absent_notified (in the gap, not absent).
		{"attendance_gap_by_org", "org_type"}: {
			"primary_care": share(1, 2), "municipal_social_services": share(1, 3),
			"school": share(0, 1), "child_psychiatry": share(1, 1),
		},
		{"summoned_absent_share", "org_type"}: {
			"primary_care": share(1, 2), "municipal_social_services": share(1, 3),
			"school": share(0, 1), "child_psychiatry": share(0, 1),
		},
		{"summoned_attendance_share", "org_type"}: {
			"primary_care": share(1, 2), "municipal_social_services": share(2, 3),
			"school": share(1, 1), "child_psychiatry": share(0, 1),
		},
		{"attendance_by_mode", "mode"}: {
			"in_person": share(1, 2), "video": share(1, 2), "hybrid": share(1, 2), "phone": share(1, 1),
		},
	}
	for id, ws := range groups {
		got := res.ByGroup[id]
		if len(got) != len(ws) {
			t.Errorf("%s: %d groups, want %d", id, len(got), len(ws))
		}
		for g, w := range ws {
			v := got[g]
			if v.Value == nil || math.Abs(*v.Value-w.value) > 1e-9 || v.N != w.n {
				t.Errorf("%s[%s] = %s (n %d), want %v (n %d)", id, g, fmtPtr(v.Value), v.N, w.value, w.n)
			}
		}
	}

	// Per-context and child targets: with 60 days for standard SIPs, S6
	// (need 10 Aug) is still pending at A, so due = S1, S2; with 45 days for
	// children, S2 (born 2012, 41 days) is within target.
	custom := oracleDefaults
	custom.TargetDaysByContext = map[string]int{"standard": 60}
	custom.TargetDaysChildren = 45
	c := x.compute(transform.Quarter(2026, 3), custom).Total
	for id, w := range map[string]want{"coverage": share(2, 2), "within_target_share": share(2, 2)} {
		if v := c[id]; v.Value == nil || *v.Value != w.value || v.N != w.n {
			t.Errorf("custom targets: %s = %s (n %d), want %v (n %d)", id, fmtPtr(v.Value), v.N, w.value, w.n)
		}
	}

	// A quarter with no events: counts are 0, shares and medians have no value.
	empty := x.compute(transform.Quarter(2025, 1), oracleDefaults)
	if v := empty.Total["needs_detected"]; v.Value == nil || *v.Value != 0 {
		t.Errorf("2025Q1 needs_detected = %s, want 0", fmtPtr(v.Value))
	}
	for _, id := range []string{"coverage", "lead_time_median_days", "survey_q1"} {
		if v := empty.Total[id]; v.Value != nil {
			t.Errorf("2025Q1 %s = %v, want no value", id, *v.Value)
		}
	}
}

func TestQuantileCont(t *testing.T) {
	// numpy.percentile([1, 2, 3, 4, 10], [0, 50, 90, 100]) = 1, 3, 7.6, 10.
	xs := []float64{10, 1, 3, 2, 4}
	for q, want := range map[float64]float64{0: 1, 0.5: 3, 0.9: 7.6, 1: 10} {
		if got := quantileCont(xs, q); got == nil || math.Abs(*got-want) > 1e-12 {
			t.Errorf("quantile %v = %v, want %v", q, got, want)
		}
	}
	if got := quantileCont([]float64{7}, 0.9); got == nil || *got != 7 {
		t.Errorf("quantile of one value = %v, want 7", got)
	}
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "null"
	}
	return strconv.FormatFloat(*p, 'g', -1, 64)
}
