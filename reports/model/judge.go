package model

import "github.com/sipstat/sipstat/transform"

// This file reads what the catalogue judged about each value (issue 13:
// preliminary, status, trend, reference value, headline). The reports never
// judge a value themselves; until a database carries a judgement, the value
// is shown without one.

// steeringKPIs are the headline KPIs of the steering summary when the
// catalogue does not flag them: coverage, within 21 days, SIP after
// discharge, summoned attendance, the individual's and the child's
// participation, follow-up on time and goals achieved.
var steeringKPIs = []string{
	"coverage", "within_target_share", "discharge_sip_share", "summoned_attendance_share",
	"individual_present_share", "child_present_share", "followup_on_time_share", "goal_achieved_share",
}

// Change values (kpi_values.trend).
const (
	ChangeBetter    = "better"
	ChangeWorse     = "worse"
	ChangeUnchanged = "unchanged"
	ChangeNone      = "none"
)

func preliminary(v transform.Value) bool { return false }

func changeOf(v transform.Value) string { return ChangeNone }

func referenceOf(v transform.Value) *float64 { return nil }

func isSteering(k transform.KPI) bool {
	for _, id := range steeringKPIs {
		if id == k.ID {
			return true
		}
	}
	return false
}
