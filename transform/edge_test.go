package transform

import "testing"

// The expected figures are worked out by hand in testdata/edge/README.md.

// TestInitialMeetingBesideFlaggedOnes: a valid initial meeting with a
// flagged one after it (held after extracted_at), without a date, or before
// the need (kpis.md Terms: the earliest valid one is the initial meeting).
func TestInitialMeetingBesideFlaggedOnes(t *testing.T) {
	_, ix := fixtureValues(t, DefaultSettings(), "edge")
	checkExpect(t, ix, []expect{
		{"2026Q3/coverage/total/", num(1), 4, 2},
		{"2026Q3/within_target_share/total/", num(1), 4, 2},
		{"2026Q3/lead_time_median_days/total/", num(12), 4, 2},
		{"2026Q3/sips_active/total/", num(5), 5, 2},
		{"2026Q3/initial_meetings_held/total/", num(4), 4, 2},
	})
}

// TestAsOfAfterExtractedAt: with --as-of later than extracted_at, a meeting
// held after extracted_at is still a data error, and a need detected after
// it still left out (kpis.md Terms "A and the extract's date").
func TestAsOfAfterExtractedAt(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "edge")
	a := day("2026-10-25")
	checkExpect(t, computed(t, db, Params{AsOf: &a, Settings: DefaultSettings()}), []expect{
		{"2026Q3/coverage/total/", num(1), 4, 2},
		{"2026Q3/lead_time_median_days/total/", num(12), 4, 2},
		{"2026Q3/initial_meetings_held/total/", num(4), 4, 2},
		{"2026Q3/sips_active/total/", num(5), 5, 2},
		{"2026Q4/needs_detected/total/", num(0), 0, 0},
		{"2026Q4/meetings_held/total/", num(0), 0, 2},
	})
}

// TestTiesByMeetingIDInByteOrder: of two meetings of a SIP on one day the
// later has the greater meeting_id in byte order ("M3" > "M20").
func TestTiesByMeetingIDInByteOrder(t *testing.T) {
	_, ix := fixtureValues(t, DefaultSettings(), "edge")
	checkExpect(t, ix, []expect{
		{"2026Q3/goals_reviewed/total/", num(1), 1, 0},
		{"2026Q3/goal_achieved_share/total/", num(0), 1, 0},
		{"2026Q3/goal_not_achieved_share/total/", num(1), 1, 0},
		{"2026Q4/followups_overdue/total/", num(1), 1, 0},
	})
}
