package sampledata

import (
	"math"

	"github.com/sipstat/sipstat/contract"
)

// sipCase is the SIP being generated: the values of its sips row plus the
// dates the timeline needs.
type sipCase struct {
	id, personID, restartOf  int64
	muni                     *municipality
	birthYear, ageAtNeed     int
	sex                      string
	context, targetGroup     string
	initiatedBy              string
	need                     int32
	requestDenied            int8 // -1 null
	invitation               int32
	leadOrg                  string
	hasLTG                   int8 // -1 null
	record                   string
	closed                   int32
	closure                  string
	ready, discharge         int32 // discharge context: ready-for-discharge and discharge dates
	initialHeld              int32
	lateFollowUp             int32 // held date of a follow-up more than 14 days late, or noDate
	lastMeetingOfPreviousSIP int64 // for the "goal set at another SIP's meeting" flaw
}

type meeting struct {
	id        int64
	followUp  bool
	planned   int32
	status    string
	held      int32
	mode      string
	indiv     string
	child     string
	planEst   int8 // -1 null
	nextFU    int32
	firstPart int
	nParts    int
}

type participant struct {
	id         int64
	org        string
	summoned   bool
	attendance string
}

type goal struct {
	id       int64
	meeting  int // index into generator.meetings
	area     string
	resp     string
	target   int32
	achieved bool
}

type review struct {
	goal, meeting int
	status        string
}

type consent struct {
	id        int64
	decision  string
	date      int32
	scope     string
	givenBy   string
	withdrawn int32
}

type intervention struct {
	id         int64
	org        string
	start, end int32
}

// orgRole is an organisation taking part in the SIP's meetings.
type orgRole struct {
	org      string
	summoned bool
	// initialOnly marks inpatient care, which takes part in the discharge
	// SIP's first meeting only.
	initialOnly bool
}

// restartSeed carries what a restarted SIP keeps from the SIP it replaces.
type restartSeed struct {
	of, personID int64
	birthYear    int
	sex, context string
	muni         *municipality
	need         int32
}

var (
	contexts = []wc{{"discharge", 24}, {"child_placement", 10}, {"standard", 66}}
	sexes    = []wc{{"female", 52}, {"male", 46}, {"other", 0.5}, {"unknown", 1.5}}
	closes   = []wc{{"needs_met", 45}, {"no_new_needs", 22}, {"goal_changed_restart", 8}, {"moved", 8}, {"other", 7}}
)

var principal = func() map[string]contract.Principal {
	m := map[string]contract.Principal{}
	for _, o := range contract.OrgTypes {
		m[o.Code] = o.Principal
	}
	return m
}()

// baseAttendance is the probability that a party attends in person; the rest
// splits into substitute, notified absence and plain absence. Psychiatry, BUP
// and the school come least often, as regional follow-ups report.
var baseAttendance = map[string]float64{
	"municipal_social_services": 0.90, "municipal_health_care": 0.86, "school": 0.66,
	"primary_care": 0.76, "adult_psychiatry": 0.64, "child_psychiatry": 0.66, "habilitation": 0.80,
	"inpatient_care": 0.84, "addiction_care": 0.74, "dental_care": 0.60,
	"social_insurance_agency": 0.58, "employment_service": 0.62, "prison_probation": 0.70,
	"sis": 0.70, "police": 0.60, "guardian_trustee": 0.72, "personal_ombudsman": 0.85,
	"user_organisation": 0.70, "interpreter": 0.95, "other": 0.70, "relative": 0.82,
}

// newSIP generates one SIP with all its rows (and a restart SIP after it
// when it closes for a restart).
func (g *generator) newSIP(rs *restartSeed) error {
	g.nSIP++
	prevMeeting := g.nMeeting
	s := &g.s
	*s = sipCase{
		id: g.nSIP, requestDenied: -1, hasLTG: -1, invitation: noDate, closed: noDate,
		ready: noDate, discharge: noDate, initialHeld: noDate, lateFollowUp: noDate,
		lastMeetingOfPreviousSIP: prevMeeting,
	}
	g.meetings, g.parts, g.goals = g.meetings[:0], g.parts[:0], g.goals[:0]
	g.reviews, g.consents, g.intervs, g.orgs = g.reviews[:0], g.consents[:0], g.intervs[:0], g.orgs[:0]
	g.otherSIPReviews = g.otherSIPReviews[:0]

	if rs != nil {
		s.restartOf, s.personID, s.birthYear, s.sex = rs.of, rs.personID, rs.birthYear, rs.sex
		s.muni, s.need, s.context = rs.muni, rs.need, rs.context
	} else {
		s.muni = g.pickMunicipality()
		s.need = g.needDate()
		s.context = g.pick(contexts)
		s.birthYear = g.dates.year(s.need) - g.drawAge(s.context)
		s.sex = g.pick(sexes)
		g.nPerson++
		s.personID = g.nPerson
		if err := g.writePerson(s.personID, s.birthYear, s.sex); err != nil {
			return err
		}
	}
	s.ageAtNeed = g.dates.year(s.need) - s.birthYear
	s.targetGroup = g.drawTargetGroup()
	s.initiatedBy = g.drawInitiator()
	s.record = g.drawRecordSystem()
	s.leadOrg = g.drawLeadOrg()
	g.buildOrgs()
	g.timeline()
	if err := g.emitSIP(); err != nil {
		return err
	}
	// Discharges without a SIP (the patient's needs did not reach a SIP), for
	// persons of their own.
	if g.chance(0.2) {
		if err := g.unrelatedDischarge(); err != nil {
			return err
		}
	}
	if s.closure == "goal_changed_restart" && s.closed != noDate && g.nSIP < int64(g.opt.SIPs) {
		need := s.closed + g.days(0, 10)
		if need <= g.asOf {
			ctx := "standard"
			if s.context == "child_placement" && g.dates.year(need)-s.birthYear < 18 {
				ctx = "child_placement"
			}
			return g.newSIP(&restartSeed{of: s.id, personID: s.personID, birthYear: s.birthYear, sex: s.sex, context: ctx, muni: s.muni, need: need})
		}
	}
	return nil
}

// needDate draws the day a need was detected: volume grows by about a third
// over the three years (density 1 + 0.35·t on the history).
func (g *generator) needDate() int32 {
	const growth = 0.35
	u := g.f()
	t := (-1 + math.Sqrt(1+growth*(2+growth)*u)) / growth
	return g.start + int32(t*g.span)
}

func (g *generator) drawAge(context string) int {
	band := ""
	switch context {
	case "child_placement":
		band = g.pick([]wc{{"0-12", 40}, {"13-17", 60}})
	case "discharge":
		band = g.pick([]wc{{"18-64", 20}, {"65-79", 35}, {"80+", 45}})
	default:
		band = g.pick([]wc{{"0-12", 10}, {"13-17", 14}, {"18-64", 48}, {"65-79", 16}, {"80+", 12}})
	}
	switch band {
	case "0-12":
		return g.rng.IntN(13)
	case "13-17":
		return 13 + g.rng.IntN(5)
	case "18-64":
		return 18 + g.rng.IntN(47)
	case "65-79":
		return 65 + g.rng.IntN(15)
	}
	return 80 + min(22, int(g.rng.ExpFloat64()*6))
}

func (g *generator) drawTargetGroup() string {
	a := g.s.ageAtNeed
	var ws []wc
	switch {
	case a < 13:
		ws = []wc{{"child_youth", 62}, {"mental_health", 12}, {"disability", 18}, {"other", 5}, {"", 3}}
	case a < 18:
		ws = []wc{{"child_youth", 55}, {"mental_health", 20}, {"disability", 12}, {"substance_use", 6}, {"other", 4}, {"", 3}}
	case a < 65:
		ws = []wc{{"mental_health", 38}, {"substance_use", 24}, {"disability", 18}, {"other", 12}, {"elderly_multimorbid", 2}, {"", 6}}
	default:
		ws = []wc{{"elderly_multimorbid", 72}, {"mental_health", 8}, {"disability", 5}, {"substance_use", 3}, {"other", 8}, {"", 4}}
	}
	return g.pick(ws)
}

func (g *generator) drawInitiator() string {
	s := &g.s
	p := &s.muni.prof
	a := s.ageAtNeed
	switch {
	case s.context == "discharge":
		return g.pick([]wc{{"inpatient_care", 85}, {"primary_care", 5}, {"municipal_health_care", 5}, {"relative", 5}})
	case a < 18:
		if a >= 6 && g.chance(clamp(0.28*p.school, 0, 0.7)) {
			return "school"
		}
		if s.context == "child_placement" {
			return g.pick([]wc{{"municipal_social_services", 75}, {"child_psychiatry", 10}, {"relative", 6}, {"sis", 4}, {"other", 5}})
		}
		ws := []wc{{"municipal_social_services", 40}, {"child_psychiatry", 22}, {"primary_care", 8}, {"relative", 14}}
		if a >= 13 {
			ws = append(ws, wc{"individual", 8})
		}
		if s.targetGroup == "disability" {
			ws = append(ws, wc{"habilitation", 20})
		}
		return g.pick(ws)
	case a < 65:
		return g.pick([]wc{{"municipal_social_services", 30}, {"adult_psychiatry", 22}, {"primary_care", 15}, {"addiction_care", 9},
			{"employment_service", 3}, {"social_insurance_agency", 3}, {"personal_ombudsman", 3}, {"prison_probation", 1}, {"individual", 9}, {"relative", 5}})
	}
	return g.pick([]wc{{"municipal_health_care", 25}, {"primary_care", 30}, {"municipal_social_services", 25}, {"relative", 12}, {"individual", 4}, {"other", 4}})
}

func (g *generator) drawRecordSystem() string {
	s := &g.s
	if s.context == "discharge" {
		return g.pick([]wc{{"shared_it_service", 93}, {"local_records", 5}, {"", 2}})
	}
	shared := clamp(s.muni.prof.sharedIT*(0.8+0.4*g.timeShare(s.need)), 0, 0.97)
	r := g.f()
	switch {
	case r < 0.04:
		return ""
	case r < 0.07:
		return "paper"
	case r < 0.07+0.93*shared:
		return "shared_it_service"
	}
	return "local_records"
}

func (g *generator) drawLeadOrg() string {
	s := &g.s
	switch {
	case s.ageAtNeed < 18:
		return g.pick([]wc{{"municipal_social_services", 70}, {"child_psychiatry", 14}, {"habilitation", 5}, {"school", 5}, {"", 6}})
	case s.ageAtNeed < 65:
		return g.pick([]wc{{"municipal_social_services", 50}, {"adult_psychiatry", 20}, {"primary_care", 10}, {"addiction_care", 8}, {"", 12}})
	}
	return g.pick([]wc{{"municipal_health_care", 30}, {"municipal_social_services", 35}, {"primary_care", 25}, {"", 10}})
}

// buildOrgs chooses who is summoned and invited to the SIP's meetings: one
// party of each principal at least, then others by age and target group.
func (g *generator) buildOrgs() {
	s := &g.s
	a := s.ageAtNeed
	add := func(org string, summoned bool) { g.orgs = append(g.orgs, orgRole{org: org, summoned: summoned}) }
	add("municipal_social_services", true)
	if a >= 65 || s.context == "discharge" || s.targetGroup == "disability" && g.chance(0.3) {
		if g.chance(0.75) {
			add("municipal_health_care", true)
		}
	}
	// The region's side.
	switch {
	case a < 18 && (s.targetGroup == "mental_health" || s.targetGroup == "child_youth" && g.chance(0.55)):
		add("child_psychiatry", true)
	case s.targetGroup == "disability":
		add("habilitation", true)
	case s.targetGroup == "mental_health":
		add("adult_psychiatry", true)
	case s.targetGroup == "substance_use":
		add("addiction_care", true)
		if g.chance(0.3) {
			add("adult_psychiatry", true)
		}
	default:
		add("primary_care", true)
	}
	if a >= 18 && s.targetGroup != "" && s.targetGroup != "elderly_multimorbid" && g.chance(0.3) {
		add("primary_care", true)
	}
	if s.context == "discharge" {
		g.orgs = append(g.orgs, orgRole{org: "inpatient_care", summoned: true, initialOnly: true})
	}
	if a >= 6 && a < 18 && g.chance(0.75) {
		add("school", true)
	}
	// Invited parties, each with its chance where it applies, drawn in this
	// order (the draws are part of the generated data).
	var buf [9]invitation
	invited := buf[:0]
	switch {
	case a < 18:
		invited = append(invited,
			invitation{"relative", 0.15, true},
			invitation{"sis", 0.12, s.context == "child_placement" && a >= 13},
			invitation{"police", 0.03, true},
		)
	case a < 65:
		invited = append(invited,
			invitation{"relative", 0.3, true},
			invitation{"social_insurance_agency", 0.2, true},
			invitation{"employment_service", 0.12, true},
			invitation{"personal_ombudsman", 0.1, s.targetGroup == "mental_health"},
			invitation{"prison_probation", 0.08, s.targetGroup == "substance_use"},
			invitation{"guardian_trustee", 0.2, s.targetGroup == "disability"},
		)
	default:
		invited = append(invited,
			invitation{"relative", 0.6, true},
			invitation{"guardian_trustee", 0.15, a >= 80},
			invitation{"dental_care", 0.03, true},
		)
	}
	invited = append(invited, invitation{"interpreter", 0.05, true}, invitation{"user_organisation", 0.02, true}, invitation{"other", 0.03, true})
	for _, inv := range invited {
		if inv.applies && g.chance(inv.chance) {
			add(inv.org, false)
		}
	}
}

// invitation is a party that may be invited to a SIP's meetings: its
// chance, where it applies.
type invitation struct {
	org     string
	chance  float64
	applies bool
}

// timeline decides what happened to the SIP up to the as-of date: consent,
// invitation, meetings, goals, follow-ups and closure. Nothing after the
// as-of date is recorded except bookings (planned meetings, agreed follow-up
// dates and goal target dates).
//
// Each step below draws from g.rng, so their order (and the order of the
// draws inside each) is part of the generated data: a seed gives the same
// files only while it is kept.
func (g *generator) timeline() {
	s := &g.s
	t := g.timeShare(s.need)

	if s.context == "discharge" {
		s.ready = s.need + g.days(0, 5)
		s.discharge = s.ready + int32(min(10, int(g.rng.ExpFloat64()*1.5)))
	}
	if g.requestDenied() {
		return
	}
	L := g.leadTime(t)
	c, inv, L := g.consentAndInvitation(L)
	c, inv, L, ended := g.declinedConsent(c, inv, L)
	if ended {
		return
	}
	if c > g.asOf {
		return // consent not yet obtained: the SIP is pending
	}
	cr := &course{consent: c, invitation: inv, initial: s.need + L, planClose: noDate}
	cr.stop, cr.stopReason = g.endingEvent(c, cr.initial)
	// However the course ends below, its earliest ending event closes the
	// SIP and the consent chain is written.
	defer g.endCourse(cr)

	mi, held := g.initialMeeting(cr)
	if !held {
		return
	}
	g.followUps(cr, mi, t)
}

// course is what timeline's steps share once consent is given: its dates
// and the events that may end it.
type course struct {
	consent    int32  // date of consent
	invitation int32  // date the invitation is (to be) sent
	initial    int32  // date of the initial meeting (H)
	stop       int32  // an event ending the SIP early (death, withdrawn consent), or noDate
	stopReason string // its closure reason
	planClose  int32  // the closure the course plans (needs met, stalled, …), or noDate
	planReason string // its closure reason
}

// requestDenied decides whether the request is denied (a request from the
// individual or a relative occasionally is: the SIP is then closed) and
// records the answer where the source would have one.
func (g *generator) requestDenied() bool {
	s := &g.s
	if s.initiatedBy == "individual" || s.initiatedBy == "relative" {
		s.requestDenied = 0
		if g.chance(0.1) {
			s.requestDenied = 1
			g.close(s.need+g.days(2, 20), "other")
			return true
		}
	} else if g.chance(0.35) {
		s.requestDenied = 0
	}
	return false
}

// leadTime draws the lead time from need to the initial meeting, log-normal
// around the three-week target, varying by municipality and context and
// improving a little over the years (t is the need date's share of the
// history).
func (g *generator) leadTime(t float64) int32 {
	s := &g.s
	p := &s.muni.prof
	var L int32
	if s.context == "discharge" {
		L = s.discharge - s.need + int32(math.Round(g.lognormal(6*p.lead, 0.7)))
	} else {
		med := 19.0
		if s.context == "child_placement" {
			med = 26
		}
		med *= p.lead * (1.12 - 0.24*t)
		L = int32(max(1, math.Round(g.lognormal(med, 0.65))))
	}
	return L
}

// consentAndInvitation draws the consent and invitation dates before the
// initial meeting; after a discharge the invitation follows the ready date
// (sometimes late, then pushing the meeting, so L may grow).
func (g *generator) consentAndInvitation(L int32) (c, inv, lead int32) {
	s := &g.s
	p := &s.muni.prof
	if s.context == "discharge" {
		if g.chance(p.dischOnTime) {
			inv = s.ready + g.days(0, 3)
		} else {
			inv = s.ready + g.days(4, 12)
		}
		if inv >= s.need+L {
			L = inv - s.need + g.days(1, 5)
		}
		c = s.need + g.days(0, int(min(2, inv-s.need)))
	} else {
		c = s.need + int32(float64(L)*0.35*g.f())
		inv = c + int32(float64(s.need+L-c)*(0.1+0.4*g.f()))
	}
	return c, inv, L
}

// declinedConsent decides whether consent is declined. Declined consent
// means no meeting (ended: nothing more happens, the SIP perhaps closed),
// unless the person changes their mind: then consent, invitation and the
// lead time move later.
func (g *generator) declinedConsent(c, inv, L int32) (int32, int32, int32, bool) {
	s := &g.s
	p := &s.muni.prof
	decl := 0.05 * p.decline
	if s.targetGroup == "substance_use" || s.targetGroup == "mental_health" {
		decl *= 1.8
	}
	if g.chance(decl) {
		d := s.need + g.days(1, 14)
		if d > g.asOf {
			return c, inv, L, true
		}
		g.addConsentDecision("declined", d, noDate)
		if !g.chance(0.15) {
			if g.chance(0.6) {
				g.close(d+g.days(0, 30), "other")
			}
			return c, inv, L, true
		}
		c = d + g.days(7, 45)
		if inv < c {
			inv = c + g.days(0, 5)
		}
		if s.need+L <= inv {
			L = inv - s.need + g.days(2, 14)
		}
	}
	return c, inv, L, false
}

// endingEvent draws an event that ends a SIP early, with its closure
// reason: death (more often among the old, some before any meeting, i.e.
// between consent c and the initial meeting H) and withdrawn consent;
// noDate for none.
func (g *generator) endingEvent(c, H int32) (stop int32, stopReason string) {
	s := &g.s
	stop, stopReason = noDate, ""
	switch {
	case s.ageAtNeed >= 80 && g.chance(0.05) || s.ageAtNeed >= 65 && g.chance(0.015):
		if H-c >= 3 {
			stop, stopReason = c+g.days(1, int(H-c-1)), "deceased"
		}
	case s.ageAtNeed >= 80 && g.chance(0.15) || s.ageAtNeed >= 65 && g.chance(0.06) || s.ageAtNeed >= 18 && g.chance(0.01):
		stop, stopReason = H+g.days(10, 700), "deceased"
	case g.chance(0.035):
		stop, stopReason = H+g.days(20, 400), "consent_withdrawn"
	}
	return stop, stopReason
}

// endCourse closes the SIP at the earliest of its ending events (the
// planned closure, the early stop), if that happened by the as-of date, and
// writes the consent chain up to it. timeline defers it, so it runs however
// the course ended.
func (g *generator) endCourse(cr *course) {
	A := g.asOf
	stop, stopReason := cr.stop, cr.stopReason
	cd, reason := cr.planClose, cr.planReason
	if stop != noDate {
		sd := stop
		if stopReason == "consent_withdrawn" {
			sd += g.days(0, 10) // the closure is registered a few days after the withdrawal
		}
		if cd == noDate || sd < cd {
			cd, reason = sd, stopReason
		}
	}
	withdrawn := noDate
	if reason == "consent_withdrawn" && stop <= A {
		withdrawn = stop
	}
	g.consentChain(cr.consent, cd, withdrawn)
	if cd != noDate && cd <= A {
		g.close(cd, reason)
		g.endInterventions()
	}
}

// initialMeeting sends the invitation and books the initial meeting: held
// (with its goals and interventions; held is true and mi is its index), or
// stalled, cancelled by an early stop, or still planned at the as-of date.
func (g *generator) initialMeeting(cr *course) (mi int, held bool) {
	s := &g.s
	p := &s.muni.prof
	A := g.asOf
	c, inv, H, stop := cr.consent, cr.invitation, cr.initial, cr.stop
	if inv <= A && (stop == noDate || inv < stop) {
		s.invitation = inv
	}
	// A few SIPs never get a meeting (the process stalls, more often where
	// lead times are long); some are closed administratively later.
	if s.invitation == noDate || g.chance(0.04+0.1*(p.lead-0.7)/0.9) {
		if g.chance(0.4) {
			cr.planClose, cr.planReason = max(c, inv)+g.days(120, 400), g.pick([]wc{{"other", 70}, {"moved", 30}})
		}
		return 0, false
	}
	// An earlier booking that was cancelled and rebooked.
	if H-inv >= 4 && g.chance(0.09) {
		l1 := inv + g.days(1, int(H-inv-2))
		if l1 <= A && (stop == noDate || l1 < stop) {
			g.addMeeting(false, l1, "cancelled")
		}
	}
	if stop != noDate && stop <= H {
		if H <= A {
			g.addMeeting(false, H, "cancelled")
		} else if stop > A {
			g.addMeeting(false, H, "planned")
		}
		return 0, false
	}
	if H > A {
		g.addMeeting(false, H, "planned")
		return 0, false
	}
	planned := H
	if g.chance(0.08) && H-inv > 3 {
		planned = H - g.days(1, 3)
	}
	mi = g.heldMeeting(false, H, planned)
	s.initialHeld = H
	s.hasLTG = g.tri(0.72, 0.2)
	g.addGoals(mi, g.pickInt([]float64{15, 30, 30, 15, 10})+1)
	g.addInterventions(H)
	return mi, true
}

// followUps holds follow-ups after meeting mi until the planned closure,
// unless one is late, missed or overtaken by an ending event; t is the need
// date's share of the history (follow-ups grow more punctual).
func (g *generator) followUps(cr *course, mi int, t float64) {
	s := &g.s
	K := 1 + min(7, int(g.rng.ExpFloat64()*1.6))
	reason := g.pick(closes)
	cur := mi
	late := s.muni.prof.fuLate * (1.15 - 0.3*t)
	for k := 1; ; k++ {
		prev := g.meetings[cur].held
		due, ok := g.followUpDue(cr, prev, g.meetings[cur].nextFU)
		if !ok {
			return
		}
		h, ok := g.followUpHeld(cr, prev, due, late)
		if !ok {
			return
		}
		if g.followUpNotHeld(cr, due, h) {
			return
		}
		// Booked for the agreed date; a meeting held early was booked for
		// the day it was held, a late one sometimes rebooked to it.
		pl := due
		if h < due || h > due && g.chance(0.5) {
			pl = h
		}
		if h > due+14 && s.lateFollowUp == noDate {
			s.lateFollowUp = h
		}
		closing := k >= K
		mi := g.heldMeeting(true, h, pl)
		g.reviewGoals(mi, k, closing && reason == "needs_met")
		if !closing && g.chance(0.2) {
			g.addGoals(mi, 1)
		}
		if closing {
			g.meetings[mi].nextFU = noDate
			cr.planClose, cr.planReason = h+g.days(0, 21), reason
			return
		}
		cur = mi
	}
}

// followUpDue returns the date the next follow-up is due after the meeting
// held on prev: the one it agreed (due), else half the time one set later;
// otherwise no follow-up comes (ok false), the SIP sometimes closed later.
func (g *generator) followUpDue(cr *course, prev, due int32) (int32, bool) {
	if due != noDate {
		return due, true
	}
	if g.chance(0.5) {
		return prev + g.days(90, 200), true
	}
	if g.chance(0.45) {
		cr.planClose, cr.planReason = prev+g.days(150, 450), g.pick([]wc{{"other", 60}, {"no_new_needs", 40}})
	}
	return noDate, false
}

// followUpHeld draws the date a follow-up due on due is held: on time, a
// little or very late (late scales the chances), at least a week after the
// previous meeting; or never (ok false: overdue at the as-of date unless
// something closes it).
func (g *generator) followUpHeld(cr *course, prev, due int32, late float64) (int32, bool) {
	var h int32
	r := g.f()
	switch {
	case r < 0.07*late:
		// Never followed up: overdue at A unless something closes it.
		if g.chance(0.35) {
			cr.planClose, cr.planReason = due+g.days(120, 400), g.pick([]wc{{"other", 60}, {"moved", 40}})
		}
		return noDate, false
	case r < 0.25*late:
		h = due + g.days(15, 90)
	case r < 0.48*late:
		h = due + g.days(1, 14)
	default:
		h = due - g.days(0, 7)
	}
	if h < prev+7 {
		h = prev + 7
	}
	return h, true
}

// followUpNotHeld reports whether the follow-up due on due, to be held on h,
// is not held after all: an ending event comes first (the booking then
// cancelled, or still planned), or h is after the as-of date (the booking
// planned). It records the booking.
func (g *generator) followUpNotHeld(cr *course, due, h int32) bool {
	A, stop := g.asOf, cr.stop
	if stop != noDate && stop <= h {
		if due <= A && due > stop {
			g.addMeeting(true, due, "cancelled")
		} else if due > A && stop > A {
			g.addMeeting(true, due, "planned")
		}
		return true
	}
	if h > A {
		if due > A {
			g.addMeeting(true, due, "planned")
		} else if g.chance(0.5) {
			g.addMeeting(true, A+g.days(1, 30), "planned")
		}
		return true
	}
	return false
}

// tri returns 1 with probability pTrue, 0 with pFalse, else -1 (null).
func (g *generator) tri(pTrue, pFalse float64) int8 {
	r := g.f()
	switch {
	case r < pTrue:
		return 1
	case r < pTrue+pFalse:
		return 0
	}
	return -1
}

// pickInt returns an index drawn in proportion to the weights.
func (g *generator) pickInt(ws []float64) int {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	r := g.f() * total
	for i, w := range ws {
		r -= w
		if r < 0 {
			return i
		}
	}
	return len(ws) - 1
}

func (g *generator) close(d int32, reason string) {
	if d <= g.asOf {
		g.s.closed, g.s.closure = d, reason
	}
}

// givenBy says who decides on consent at day d: the guardians for a child,
// sometimes a representative for the old or for persons with a disability.
func (g *generator) givenBy(d int32) string {
	s := &g.s
	age := g.dates.year(d) - s.birthYear
	switch {
	case age < 18:
		return "both_guardians"
	case age >= 80 && g.chance(0.18), s.targetGroup == "disability" && g.chance(0.12):
		return "representative"
	}
	return "individual"
}

// addConsentDecision records one decision at day d, as one row or, for
// some, two rows (information sharing and the plan separately), and returns
// the index of its first row.
func (g *generator) addConsentDecision(decision string, d, withdrawn int32) int {
	first := len(g.consents)
	by := g.givenBy(d)
	add := func(scope, by string) {
		g.nConsent++
		g.consents = append(g.consents, consent{id: g.nConsent, decision: decision, date: d, scope: scope, givenBy: by, withdrawn: withdrawn})
	}
	// A child's consent is always from both guardians in clean data: a
	// single guardian row is the consent_child_one_guardian flaw.
	switch {
	case decision == "given" && g.chance(0.1):
		add("information_sharing", by)
		add("plan", by)
	default:
		add("both", by)
	}
	return first
}

// consentChain records the given consent at day c and its yearly renewals
// while the SIP stays open (renewal is often forgotten, so some consents on
// long-running SIPs are older than a year). withdrawn, if set, is when the
// latest consent was taken back.
func (g *generator) consentChain(c, closed, withdrawn int32) {
	A := g.asOf
	d := c
	last := 0
	for {
		last = g.addConsentDecision("given", d, noDate)
		next := d + 365 - g.days(0, 40)
		if next > A || closed != noDate && next >= closed || withdrawn != noDate && next >= withdrawn {
			break
		}
		if !g.chance(g.s.muni.prof.renew) {
			break
		}
		d = next
	}
	if withdrawn != noDate {
		for i := last; i < len(g.consents); i++ {
			g.consents[i].withdrawn = withdrawn
		}
	}
}

// addMeeting adds a meeting that was not held (cancelled or planned) with
// its summoned and invited parties.
func (g *generator) addMeeting(followUp bool, planned int32, status string) int {
	g.nMeeting++
	m := meeting{id: g.nMeeting, followUp: followUp, planned: planned, status: status, held: noDate, planEst: -1, nextFU: noDate, firstPart: len(g.parts)}
	for _, o := range g.orgs {
		if o.initialOnly && followUp {
			continue
		}
		g.nPart++
		g.parts = append(g.parts, participant{id: g.nPart, org: o.org, summoned: o.summoned})
	}
	m.nParts = len(g.parts) - m.firstPart
	g.meetings = append(g.meetings, m)
	return len(g.meetings) - 1
}

// heldMeeting adds a meeting held at day h: its mode, who took part, and
// the follow-up date agreed.
func (g *generator) heldMeeting(followUp bool, h, planned int32) int {
	s := &g.s
	p := &s.muni.prof
	t := g.timeShare(h)
	g.nMeeting++
	m := meeting{id: g.nMeeting, followUp: followUp, planned: planned, status: "held", held: h, planEst: -1, nextFU: noDate, firstPart: len(g.parts)}

	// Remote meetings become more common over the three years.
	remote := clamp((0.12+0.30*t)*p.remote, 0, 0.8)
	if s.context == "discharge" {
		remote = clamp(remote+0.1, 0, 0.85)
	}
	r := g.f()
	switch {
	case r < 0.04:
		m.mode = "phone"
	case r < 0.04+remote*0.72:
		m.mode = "video"
	case r < 0.04+remote:
		m.mode = "hybrid"
	default:
		m.mode = "in_person"
	}

	age := g.dates.year(h) - s.birthYear
	if age < 18 {
		if age <= 3 {
			m.child = "not_applicable"
			m.indiv = "represented"
		} else {
			pp := 0.30
			if age >= 13 {
				pp = 0.55
			}
			if g.chance(clamp(pp+p.childPresent, 0.05, 0.95)) {
				m.child, m.indiv = "present", "present"
			} else {
				m.child = "absent"
				m.indiv = g.pick([]wc{{"represented", 80}, {"absent", 20}})
			}
		}
	} else {
		if g.chance(0.7) {
			m.child = "not_applicable"
		}
		rep := 0.08
		if age >= 80 {
			rep = 0.2
		}
		m.indiv = g.pick([]wc{{"present", 0.8 - rep}, {"represented", rep}, {"absent", 0.2}})
	}
	if followUp {
		if g.chance(0.3) {
			m.planEst = 0
		}
	} else {
		m.planEst = 1
		if g.chance(0.05) {
			m.planEst = -1
		}
	}
	missing := p.fuMissing
	if followUp {
		missing *= 0.8
	}
	if !g.chance(missing) {
		m.nextFU = h + int32(clamp(math.Round(g.lognormal(90, 0.35)), 30, 240))
	}

	for _, o := range g.orgs {
		if o.initialOnly && followUp {
			continue
		}
		if !o.summoned && followUp && g.chance(0.2) {
			continue
		}
		pa := baseAttendance[o.org] + p.attend
		switch o.org {
		case "adult_psychiatry", "child_psychiatry", "school":
			pa -= p.psychAbsent
		}
		if m.mode != "in_person" {
			pa += 0.04
		}
		att := "attended"
		if !g.chance(clamp(pa, 0.2, 0.98)) {
			sub := 0.35
			if !o.summoned {
				sub = 0.15
			}
			r := g.f()
			switch {
			case r < sub:
				att = "substitute"
			case r < sub+(1-sub)*0.5:
				att = "absent_notified"
			default:
				att = "absent"
			}
		}
		g.nPart++
		g.parts = append(g.parts, participant{id: g.nPart, org: o.org, summoned: o.summoned, attendance: att})
	}
	m.nParts = len(g.parts) - m.firstPart
	g.meetings = append(g.meetings, m)
	return len(g.meetings) - 1
}

var goalAreas = map[string][]wc{
	"mental_health":       {{"mental_health", 35}, {"occupation", 15}, {"housing", 12}, {"social_network", 12}, {"daily_living", 10}, {"finances", 8}, {"other", 8}},
	"substance_use":       {{"substance_use", 35}, {"housing", 18}, {"occupation", 12}, {"finances", 12}, {"physical_health", 8}, {"family", 7}, {"other", 8}},
	"elderly_multimorbid": {{"physical_health", 35}, {"daily_living", 25}, {"safety", 18}, {"social_network", 10}, {"housing", 7}, {"other", 5}},
	"child_youth":         {{"family", 25}, {"occupation", 25}, {"mental_health", 18}, {"social_network", 12}, {"safety", 12}, {"other", 8}},
	"disability":          {{"daily_living", 30}, {"occupation", 22}, {"housing", 15}, {"physical_health", 12}, {"social_network", 11}, {"other", 10}},
	"other":               {{"other", 25}, {"daily_living", 15}, {"physical_health", 15}, {"housing", 15}, {"finances", 15}, {"mental_health", 15}},
	"":                    {{"other", 30}, {"daily_living", 20}, {"physical_health", 20}, {"housing", 15}, {"mental_health", 15}},
}

// addGoals sets n sub-goals at meeting mi. Most name a responsible party and
// a target date (SMART); the municipality's habits decide how many lack one.
func (g *generator) addGoals(mi, n int) {
	s := &g.s
	held := g.meetings[mi].held
	for range n {
		g.nGoal++
		gl := goal{id: g.nGoal, meeting: mi, area: g.pick(goalAreas[s.targetGroup]), target: noDate}
		withResp, withTarget := true, true
		if !g.chance(s.muni.prof.smart) {
			switch r := g.f(); {
			case r < 0.5:
				withResp = false
			case r < 0.85:
				withTarget = false
			default:
				withResp, withTarget = false, false
			}
		}
		if withResp {
			gl.resp = g.summonedOrg()
		}
		if withTarget {
			gl.target = held + g.days(60, 365)
		}
		g.goals = append(g.goals, gl)
	}
}

func (g *generator) summonedOrg() string {
	n := 0
	for _, o := range g.orgs {
		if o.summoned {
			n++
		}
	}
	k := g.rng.IntN(n)
	for _, o := range g.orgs {
		if o.summoned {
			if k == 0 {
				return o.org
			}
			k--
		}
	}
	return "municipal_social_services"
}

// reviewGoals assesses, at follow-up meeting mi (the k-th), every goal set
// at an earlier meeting and not yet achieved.
func (g *generator) reviewGoals(mi, k int, closingMet bool) {
	p := &g.s.muni.prof
	for gi := range g.goals {
		gl := &g.goals[gi]
		if gl.meeting >= mi || gl.achieved {
			continue
		}
		status := "not_assessed"
		if !g.chance(0.08) {
			pa := 0.18 + 0.12*float64(k) + p.achieve
			if closingMet {
				pa += 0.3
			}
			pa = clamp(pa, 0.05, 0.9)
			switch r := g.f(); {
			case r < pa:
				status = "achieved"
				gl.achieved = true
			case r < pa+(1-pa)*0.6:
				status = "partly_achieved"
			default:
				status = "not_achieved"
			}
		}
		g.reviews = append(g.reviews, review{goal: gi, meeting: mi, status: status})
	}
}

// addInterventions records the plan's interventions: usually at least one by
// each principal, sometimes one side is missing (an incomplete plan).
func (g *generator) addInterventions(h int32) {
	var muni, region []string
	for _, o := range g.orgs {
		if o.initialOnly {
			continue
		}
		switch principal[o.org] {
		case contract.Municipality:
			muni = append(muni, o.org)
		case contract.Region:
			region = append(region, o.org)
		}
	}
	add := func(org string) {
		g.nInterv++
		start := h + g.days(0, 30)
		if start > g.asOf || g.chance(0.05) {
			start = noDate
		}
		g.intervs = append(g.intervs, intervention{id: g.nInterv, org: org, start: start, end: noDate})
	}
	if len(muni) > 0 && g.chance(0.9) {
		add(muni[g.rng.IntN(len(muni))])
		if g.chance(0.3) {
			add(muni[g.rng.IntN(len(muni))])
		}
	}
	if len(region) > 0 && g.chance(0.85) {
		add(region[g.rng.IntN(len(region))])
	}
	if g.chance(0.1) {
		add("social_insurance_agency")
	}
	// Some interventions end before the SIP does.
	for i := range g.intervs {
		iv := &g.intervs[i]
		if iv.start != noDate && g.chance(0.25) {
			if e := iv.start + g.days(60, 300); e <= g.asOf {
				iv.end = e
			}
		}
	}
}

// endInterventions ends the still running interventions on the closure date.
func (g *generator) endInterventions() {
	cd := g.s.closed
	for i := range g.intervs {
		iv := &g.intervs[i]
		if iv.start != noDate && iv.start > cd {
			iv.start = noDate
		}
		if iv.end == noDate || iv.end > cd {
			iv.end = cd
		}
	}
}
