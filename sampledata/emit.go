package sampledata

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Flaw kinds. The logical ones parse and load but break a data-quality rule;
// the reject ones must be rejected by ingest (unknown code, bad date, missing
// required value, duplicate key, dangling foreign key). Stats.Flaws counts
// them as "<table>.<kind>".
const (
	flawUnknownCode     = "unknown_code"
	flawBadDate         = "bad_date"
	flawMissingRequired = "missing_required"
	flawDuplicateID     = "duplicate_id"
	flawDanglingFK      = "dangling_fk"
	flawBadBirthYear    = "birth_year_out_of_range"
)

var (
	rejectPersons = []string{flawUnknownCode, flawBadBirthYear, flawDuplicateID}
	rejectCommon  = []string{flawUnknownCode, flawBadDate, flawMissingRequired, flawDuplicateID, flawDanglingFK}
	rejectNoDate  = []string{flawUnknownCode, flawMissingRequired, flawDuplicateID, flawDanglingFK}

	logicalSIPs         = []string{"closed_before_opened", "invitation_before_need", "closed_without_reason"}
	logicalConsents     = []string{"child_one_guardian", "withdrawn_before_decision"}
	logicalMeetings     = []string{"held_before_need", "held_without_mode", "held_without_participation", "held_without_date", "held_after_as_of"}
	logicalParticipants = []string{"held_without_attendance", "attendance_on_unheld"}
	logicalGoals        = []string{"target_before_set"}
	// A goal set at a meeting of another SIP is rejected by ingest.
	rejectGoals    = []string{flawUnknownCode, flawBadDate, flawMissingRequired, flawDuplicateID, flawDanglingFK, "set_at_other_sip_meeting"}
	logicalReviews = []string{"reviewed_at_set_meeting"}
)

// Flaw kinds only Options.RejectRate draws.
const flawReviewedAtOtherSIP = "reviewed_at_other_sip_meeting"

// weighted is a flaw kind with a weight for a weighted choice.
type weighted struct {
	kind string
	w    float64
}

// heavyKinds are the rejects Options.RejectRate draws, per table. Most are
// duplicate keys and cross-SIP references, which reject the row alone (a
// duplicate) or the row and its few children (a goal set at another SIP's
// meeting takes its reviews along); a minority cascades further (a SIP whose
// person is missing takes its ~20 rows along, a meeting with a bad date its
// participants, goals and reviews), as in a real broken export.
var heavyKinds = [numTables][]weighted{
	tPersons:      {{flawDuplicateID, 1}},
	tSIPs:         {{flawDuplicateID, 0.8}, {flawDanglingFK, 0.2}},
	tConsents:     {{flawDuplicateID, 0.5}, {flawBadDate, 0.25}, {flawUnknownCode, 0.25}},
	tMeetings:     {{flawDuplicateID, 0.6}, {flawBadDate, 0.2}, {flawDanglingFK, 0.2}},
	tParticipants: {{flawDuplicateID, 0.5}, {flawUnknownCode, 0.25}, {flawMissingRequired, 0.25}},
	tGoals:        {{"set_at_other_sip_meeting", 0.5}, {flawDuplicateID, 0.3}, {flawDanglingFK, 0.2}},
	tGoalReviews:  {{flawDuplicateID, 0.5}, {flawReviewedAtOtherSIP, 0.3}, {flawDanglingFK, 0.2}},
}

// rejectScale turns RejectRate into the probability that a row of the
// tables above draws a reject: calibrated so that the share of all rows
// rejected when loaded, cascades included, is about RejectRate (the tables
// above hold ~85 % of the rows, and a drawn reject rejects ~1.6 rows on
// average). TestRejectRateWhenLoaded checks it through a real load.
const rejectScale = 0.7

// reject decides whether the next row of table t, which has no flaw of
// FlawRate, gets a reject of RejectRate and which kind. It draws from its own
// stream.
func (g *generator) reject(t int) string {
	if g.opt.RejectRate <= 0 || g.rejectRng.Float64() >= g.opt.RejectRate*rejectScale {
		return ""
	}
	ks := heavyKinds[t]
	total := 0.0
	for _, k := range ks {
		total += k.w
	}
	r := g.rejectRng.Float64() * total
	for _, k := range ks {
		if r -= k.w; r < 0 {
			return k.kind
		}
	}
	return ks[len(ks)-1].kind
}

// flawOrReject is flaw, then reject for a row flaw left alone.
func (g *generator) flawOrReject(t int, logical, reject []string) string {
	if k := g.flaw(logical, reject); k != "" {
		return k
	}
	return g.reject(t)
}

// flaw decides whether the next row of a table gets a flaw and which kind:
// with probability FlawRate a row is flawed, one flaw in five being a reject.
// It draws from its own stream, so flaws never change the clean data.
func (g *generator) flaw(logical, reject []string) string {
	if g.opt.FlawRate <= 0 || g.flawRng.Float64() >= g.opt.FlawRate {
		return ""
	}
	if g.flawRng.Float64() < 0.2 {
		return reject[g.flawRng.IntN(len(reject))]
	}
	if len(logical) == 0 {
		return ""
	}
	return logical[g.flawRng.IntN(len(logical))]
}

func (g *generator) flawDays(a, b int) int32 { return int32(a + g.flawRng.IntN(b-a+1)) }

// count records an applied flaw.
func (g *generator) count(table, kind string) { g.flawCount[table+"."+kind]++ }

// finish ends a row, writing it twice for a duplicate-key flaw.
func (g *generator) finish(t int, kind string) error {
	w := g.w[t]
	if kind == flawDuplicateID {
		g.count(w.name, kind)
		dup := append([]byte(nil), w.row...)
		if err := w.end(); err != nil {
			return err
		}
		w.row = append(w.row, dup...)
	}
	return w.end()
}

// fk writes a foreign key, or a pseudonym that exists nowhere for a
// dangling-key flaw (counters start at 1, so "<prefix>0" is never used).
func (g *generator) fk(t int, kind, prefix string, id int64) {
	w := g.w[t]
	if kind == flawDanglingFK {
		g.count(w.name, kind)
		id = 0
	}
	w.id(prefix, id)
}

func (g *generator) writePerson(id int64, birthYear int, sex string) error {
	w := g.w[tPersons]
	k := g.flawOrReject(tPersons, nil, rejectPersons)
	w.id("P", id)
	w.sep()
	if k == flawBadBirthYear {
		g.count(w.name, k)
		birthYear = 1890
	}
	w.int(int64(birthYear))
	w.sep()
	if k == flawUnknownCode {
		g.count(w.name, k)
		sex = "X"
	}
	w.str(sex)
	return g.finish(tPersons, k)
}

// emitSIP writes the SIP's row and all its child rows.
func (g *generator) emitSIP() error {
	s := &g.s
	if err := g.writeSIP(); err != nil {
		return err
	}
	for i := range g.consents {
		if err := g.writeConsent(&g.consents[i]); err != nil {
			return err
		}
	}
	for i := range g.meetings {
		if err := g.writeMeeting(&g.meetings[i]); err != nil {
			return err
		}
	}
	for i := range g.goals {
		if err := g.writeGoal(&g.goals[i]); err != nil {
			return err
		}
	}
	for i := range g.reviews {
		if err := g.writeReview(&g.reviews[i]); err != nil {
			return err
		}
	}
	for i := range g.intervs {
		if err := g.writeIntervention(&g.intervs[i]); err != nil {
			return err
		}
	}
	if s.discharge != noDate && s.discharge <= g.asOf && !(s.closure == "deceased" && s.closed < s.discharge) {
		if err := g.sipDischarge(); err != nil {
			return err
		}
	}
	if err := g.deviations(); err != nil {
		return err
	}
	return g.survey()
}

func (g *generator) writeSIP() error {
	s := &g.s
	w := g.w[tSIPs]
	k := g.flawOrReject(tSIPs, logicalSIPs, rejectCommon)
	need, inv, closed, reason := s.need, s.invitation, s.closed, s.closure
	ctx, region := s.context, s.muni.county
	switch k {
	case "closed_before_opened":
		closed = need - g.flawDays(1, 60)
		if reason == "" {
			reason = "other"
		}
	case "invitation_before_need":
		inv = need - g.flawDays(1, 20)
	case "closed_without_reason":
		if closed == noDate {
			k = ""
		}
		reason = ""
	case flawUnknownCode:
		ctx = "akutvård"
	case flawMissingRequired:
		region = ""
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	w.id("S", s.id)
	w.sep()
	g.fk(tSIPs, k, "P", s.personID)
	w.sep()
	w.str(region)
	w.sep()
	w.str(s.muni.code)
	w.sep()
	w.str(ctx)
	w.sep()
	w.str(s.targetGroup)
	w.sep()
	w.str(s.initiatedBy)
	w.sep()
	if k == flawBadDate {
		w.str(badDate(need, g.dates))
	} else {
		w.date(need)
	}
	w.sep()
	w.boolean(s.requestDenied)
	w.sep()
	w.date(inv)
	w.sep()
	w.str(s.leadOrg)
	w.sep()
	w.boolean(s.hasLTG)
	w.sep()
	w.str(s.record)
	w.sep()
	w.date(closed)
	w.sep()
	w.str(reason)
	w.sep()
	if s.restartOf != 0 {
		w.id("S", s.restartOf)
	}
	return g.finish(tSIPs, k)
}

// badDate returns an unparseable date: 30 February or day-first notation.
func badDate(d int32, dates *dateCache) string {
	y := dates.year(d)
	if d%2 == 0 {
		return itoa(y) + "-02-30"
	}
	b := dates.append(nil, d)
	return string(b[8:10]) + "/" + string(b[5:7]) + "/" + string(b[0:4])
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func (g *generator) writeConsent(c *consent) error {
	s := &g.s
	w := g.w[tConsents]
	k := g.flawOrReject(tConsents, logicalConsents, rejectCommon)
	by, scope, withdrawn := c.givenBy, c.scope, c.withdrawn
	switch k {
	case "child_one_guardian":
		if by != "both_guardians" {
			k = ""
		}
		by = "guardian"
	case "withdrawn_before_decision":
		withdrawn = c.date - g.flawDays(1, 30)
	case flawUnknownCode:
		scope = "allt"
	case flawMissingRequired:
		by = ""
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	w.id("C", c.id)
	w.sep()
	g.fk(tConsents, k, "S", s.id)
	w.sep()
	w.str(c.decision)
	w.sep()
	if k == flawBadDate {
		w.str(badDate(c.date, g.dates))
	} else {
		w.date(c.date)
	}
	w.sep()
	w.str(scope)
	w.sep()
	w.str(by)
	w.sep()
	w.date(withdrawn)
	return g.finish(tConsents, k)
}

func (g *generator) writeMeeting(m *meeting) error {
	s := &g.s
	w := g.w[tMeetings]
	k := g.flawOrReject(tMeetings, logicalMeetings, rejectCommon)
	planned, held, mode, indiv, kind := m.planned, m.held, m.mode, m.indiv, "initial"
	if m.followUp {
		kind = "follow_up"
	}
	isHeld := m.status == "held"
	switch k {
	case "held_before_need":
		held = s.need - g.flawDays(1, 30)
		planned = held
	case "held_without_mode":
		mode = ""
	case "held_without_participation":
		indiv = ""
	case "held_without_date":
		held = noDate
	case "held_after_as_of":
		held = g.asOf + g.flawDays(1, 30)
		planned = held
	case flawUnknownCode:
		if isHeld {
			mode = "teams"
		} else {
			kind = "extra"
		}
	case flawMissingRequired:
		kind = ""
	}
	if !isHeld && strings.HasPrefix(k, "held_") {
		k = "" // the held-meeting flaws only apply to held meetings
		planned, held, mode, indiv = m.planned, m.held, m.mode, m.indiv
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	w.id("M", m.id)
	w.sep()
	g.fk(tMeetings, k, "S", s.id)
	w.sep()
	w.str(kind)
	w.sep()
	if k == flawBadDate {
		w.str(badDate(planned, g.dates))
	} else {
		w.date(planned)
	}
	w.sep()
	w.str(m.status)
	w.sep()
	w.date(held)
	w.sep()
	w.str(mode)
	w.sep()
	w.str(indiv)
	w.sep()
	w.str(m.child)
	w.sep()
	w.boolean(m.planEst)
	w.sep()
	w.date(m.nextFU)
	if err := g.finish(tMeetings, k); err != nil {
		return err
	}
	for i := m.firstPart; i < m.firstPart+m.nParts; i++ {
		if err := g.writeParticipant(&g.parts[i], m); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) writeParticipant(p *participant, m *meeting) error {
	w := g.w[tParticipants]
	k := g.flawOrReject(tParticipants, logicalParticipants, rejectNoDate)
	org, role, att := p.org, "invited", p.attendance
	if p.summoned {
		role = "summoned"
	}
	switch k {
	case "held_without_attendance":
		if m.status != "held" {
			k = ""
		}
		att = ""
	case "attendance_on_unheld":
		if m.status == "held" {
			k = ""
		} else {
			att = "attended"
		}
	case flawUnknownCode:
		org = "kurator"
	case flawMissingRequired:
		role = ""
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	w.id("A", p.id)
	w.sep()
	g.fk(tParticipants, k, "M", m.id)
	w.sep()
	w.str(org)
	w.sep()
	w.str(role)
	w.sep()
	w.str(att)
	return g.finish(tParticipants, k)
}

func (g *generator) writeGoal(gl *goal) error {
	s := &g.s
	w := g.w[tGoals]
	k := g.flawOrReject(tGoals, logicalGoals, rejectGoals)
	m := &g.meetings[gl.meeting]
	setAt, area, target := m.id, gl.area, gl.target
	switch k {
	case "target_before_set":
		target = m.held - g.flawDays(1, 60)
	case "set_at_other_sip_meeting":
		if s.lastMeetingOfPreviousSIP == 0 {
			k = ""
		} else {
			setAt = s.lastMeetingOfPreviousSIP
		}
	case flawUnknownCode:
		area = "boendestöd"
	case flawMissingRequired:
		area = ""
	case flawBadDate:
		if target == noDate {
			k = ""
		}
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	w.id("G", gl.id)
	w.sep()
	w.id("S", s.id)
	w.sep()
	g.fk(tGoals, k, "M", setAt)
	w.sep()
	w.str(area)
	w.sep()
	w.str(gl.resp)
	w.sep()
	if k == flawBadDate {
		w.str(badDate(target, g.dates))
	} else {
		w.date(target)
	}
	return g.finish(tGoals, k)
}

func (g *generator) writeReview(r *review) error {
	w := g.w[tGoalReviews]
	k := g.flawOrReject(tGoalReviews, logicalReviews, rejectNoDate)
	gl := &g.goals[r.goal]
	meetingID, status := g.meetings[r.meeting].id, r.status
	switch k {
	case "reviewed_at_set_meeting":
		meetingID = g.meetings[gl.meeting].id
	case flawReviewedAtOtherSIP:
		// At most one such review per goal: two would repeat the key.
		if g.s.lastMeetingOfPreviousSIP == 0 || slices.Contains(g.otherSIPReviews, r.goal) {
			k = ""
		} else {
			meetingID = g.s.lastMeetingOfPreviousSIP
			g.otherSIPReviews = append(g.otherSIPReviews, r.goal)
		}
	case flawUnknownCode:
		status = "klart"
	case flawMissingRequired:
		status = ""
	}
	if k != "" && k != flawDuplicateID && k != flawDanglingFK {
		g.count(w.name, k)
	}
	g.fk(tGoalReviews, k, "G", gl.id)
	w.sep()
	w.id("M", meetingID)
	w.sep()
	w.str(status)
	return g.finish(tGoalReviews, k)
}

func (g *generator) writeIntervention(iv *intervention) error {
	w := g.w[tInterventions]
	w.id("I", iv.id)
	w.sep()
	w.id("S", g.s.id)
	w.sep()
	w.str(iv.org)
	w.sep()
	w.date(iv.start)
	w.sep()
	w.date(iv.end)
	return w.end()
}

// sipDischarge writes the discharge behind a discharge-context SIP; a few
// are not linked to their SIP in the source system.
func (g *generator) sipDischarge() error {
	s := &g.s
	care := "somatic"
	if (s.targetGroup == "mental_health" || s.targetGroup == "substance_use") && g.chance(0.8) {
		care = "psychiatric"
	}
	ready := s.ready
	if g.chance(0.04) {
		ready = noDate
	}
	sipID := s.id
	if g.chance(0.06) {
		sipID = 0
	}
	return g.writeDischarge(s.personID, s.muni, ready, s.discharge, care, true, g.chance(0.93), sipID)
}

// unrelatedDischarge writes a discharge of a person of their own that did not
// lead to a SIP (some of them needed one).
func (g *generator) unrelatedDischarge() error {
	m := g.pickMunicipality()
	d := g.start + int32(g.f()*g.span)
	age := 65 + g.rng.IntN(30)
	if g.chance(0.25) {
		age = 18 + g.rng.IntN(47)
	}
	g.nPerson++
	if err := g.writePerson(g.nPerson, g.dates.year(d)-age, g.pick(sexes)); err != nil {
		return err
	}
	ready := d - g.days(0, 4)
	if g.chance(0.05) {
		ready = noDate
	}
	care := "somatic"
	if age < 65 && g.chance(0.5) || g.chance(0.08) {
		care = "psychiatric"
	}
	var mun, out bool
	switch r := g.f(); {
	case r < 0.40:
		mun, out = true, true
	case r < 0.75:
		mun = true
	case r < 0.92:
		out = true
	}
	return g.writeDischarge(g.nPerson, m, ready, d, care, mun, out, 0)
}

func (g *generator) writeDischarge(person int64, m *municipality, ready, d int32, care string, mun, out bool, sipID int64) error {
	w := g.w[tDischarges]
	g.nDisch++
	w.id("D", g.nDisch)
	w.sep()
	w.id("P", person)
	w.sep()
	w.str(m.county)
	w.sep()
	w.str(m.code)
	w.sep()
	w.date(ready)
	w.sep()
	w.date(d)
	w.sep()
	w.str(care)
	w.sep()
	w.boolean(b2i(mun))
	w.sep()
	w.boolean(b2i(out))
	w.sep()
	if sipID != 0 {
		w.id("S", sipID)
	}
	return w.end()
}

func b2i(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

var devReporters = []wc{{"municipal_social_services", 40}, {"primary_care", 20}, {"inpatient_care", 12}, {"adult_psychiatry", 10}, {"school", 8}, {"municipal_health_care", 10}}

// deviations writes the SIP's deviation reports: a summoned party that did
// not come, a plan not followed, poor treatment, other; and, unconnected to
// any SIP, reports that no SIP was initiated though clearly needed.
func (g *generator) deviations() error {
	s := &g.s
	A := g.asOf
	reporter := s.leadOrg
	if reporter == "" {
		reporter = "municipal_social_services"
	}
	for i := range g.meetings {
		m := &g.meetings[i]
		if m.status != "held" {
			continue
		}
		for j := m.firstPart; j < m.firstPart+m.nParts; j++ {
			p := &g.parts[j]
			if p.summoned && p.attendance == "absent" && g.chance(0.2) {
				if d := m.held + g.days(0, 10); d <= A {
					if err := g.writeDeviation(d, s.muni, s.id, "absent_despite_summons", reporter, p.org); err != nil {
						return err
					}
				}
				break
			}
		}
	}
	if s.lateFollowUp != noDate && g.chance(0.15) {
		if d := s.lateFollowUp + g.days(0, 14); d <= A {
			if err := g.writeDeviation(d, s.muni, s.id, "plan_not_followed", reporter, g.summonedOrg()); err != nil {
				return err
			}
		}
	}
	if s.initialHeld != noDate {
		for _, cat := range [...]string{"poor_treatment", "other"} {
			p := 0.01
			if cat == "other" {
				p = 0.006
			}
			if !g.chance(p) {
				continue
			}
			concerns := g.summonedOrg()
			if g.chance(0.3) {
				concerns = ""
			}
			if d := s.initialHeld + g.days(0, 60); d <= A {
				if err := g.writeDeviation(d, s.muni, s.id, cat, g.pick(devReporters), concerns); err != nil {
					return err
				}
			}
		}
	}
	if g.chance(0.012) {
		concerns := g.pick([]wc{{"primary_care", 30}, {"adult_psychiatry", 25}, {"municipal_social_services", 25}, {"child_psychiatry", 10}, {"", 10}})
		d := g.start + int32(g.f()*g.span)
		if err := g.writeDeviation(d, s.muni, 0, "no_initiative", g.pick(devReporters), concerns); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) writeDeviation(d int32, m *municipality, sipID int64, cat, by, concerns string) error {
	w := g.w[tDeviations]
	g.nDev++
	w.id("V", g.nDev)
	w.sep()
	w.date(d)
	w.sep()
	w.str(m.county)
	w.sep()
	w.str(m.code)
	w.sep()
	if sipID != 0 {
		w.id("S", sipID)
	}
	w.sep()
	w.str(cat)
	w.sep()
	w.str(by)
	w.sep()
	w.str(concerns)
	return w.end()
}

// survey writes, for some SIPs with a plan, one user-audit response with an
// answer to every question (some "don't know", left empty). Children rate
// participation lower than their guardians do, as Stockholm's audit found.
func (g *generator) survey() error {
	s := &g.s
	// Audits reach children's SIPs more often (Stockholm audited children's
	// SIPs in particular).
	rate := 0.08
	if s.ageAtNeed < 18 {
		rate = 0.2
	}
	if s.initialHeld == noDate || !g.chance(rate) {
		return nil
	}
	d := s.initialHeld + g.days(14, 150)
	if d > g.asOf {
		return nil
	}
	var respondent string
	if s.ageAtNeed < 18 {
		respondent = g.pick([]wc{{"guardian", 50}, {"child_youth", 42}, {"relative", 8}})
		if respondent == "child_youth" && g.dates.year(d)-s.birthYear < 13 {
			respondent = "guardian"
		}
	} else {
		respondent = g.pick([]wc{{"individual", 78}, {"relative", 22}})
	}
	g.nResp++
	w := g.w[tSurveyResponses]
	w.id("R", g.nResp)
	w.sep()
	w.str(surveyID)
	w.sep()
	w.date(d)
	w.sep()
	w.str(respondent)
	w.sep()
	w.str(s.muni.county)
	w.sep()
	w.str(s.muni.code)
	w.sep()
	w.id("S", s.id)
	if err := w.end(); err != nil {
		return err
	}
	a := g.w[tSurveyAnswers]
	shift := s.muni.prof.survey
	if respondent == "guardian" {
		shift += 0.2
	}
	for _, q := range questions {
		a.id("R", g.nResp)
		a.sep()
		a.str(q.id)
		a.sep()
		if !g.chance(0.06) {
			mean := q.mean + shift
			if respondent == "child_youth" && q.dimension == "participation" {
				mean -= 0.8
			}
			a.int(int64(clamp(math.Round(mean+g.rng.NormFloat64()), 1, 5)))
		}
		if err := a.end(); err != nil {
			return err
		}
	}
	return nil
}

// writePopulation writes one row per municipality and year of the history.
func (g *generator) writePopulation() error {
	w := g.w[tPopulation]
	last := yearOf(g.asOf)
	munis := slices.Clone(g.munis)
	sort.Slice(munis, func(i, j int) bool { return munis[i].code < munis[j].code })
	for i := range munis {
		for y := g.firstYear; y <= last; y++ {
			w.str(munis[i].code)
			w.sep()
			w.int(int64(y))
			w.sep()
			w.int(munis[i].populationIn(y, g.firstYear))
			if err := w.end(); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeSurveyQuestions writes the questionnaire, one row per question.
func (g *generator) writeSurveyQuestions() error {
	w := g.w[tSurveyQuestions]
	for _, q := range questions {
		w.str(surveyID)
		w.sep()
		w.str(q.id)
		w.sep()
		w.str(q.dimension)
		w.sep()
		w.text(q.text)
		w.sep()
		w.int(1)
		w.sep()
		w.int(5)
		if err := w.end(); err != nil {
			return err
		}
	}
	return nil
}
