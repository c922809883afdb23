package transform

import (
	"context"
	"testing"
)

// The expected figures below are worked out by hand in
// testdata/basic/README.md and testdata/families/README.md, never by running
// SQL.

func TestKPIBasicFixture(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	vs, err := Values(context.Background(), db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ix := indexValues(vs)
	t.Run("coverage family", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			{"2026Q3/needs_detected/total/", num(10), 10, 0},
			{"2026Q3/needs_detected/municipality/1380", num(7), 7, 0},
			{"2026Q3/needs_detected/municipality/1382", num(3), 3, 0},
			{"2026Q3/needs_detected/sex/unknown", num(1), 1, 0},
			{"2026Q3/needs_detected/age_band/0-12", num(1), 1, 0},
			{"2026Q3/needs_detected/age_band/13-17", num(1), 1, 0},
			{"2026Q3/needs_detected/age_band/80+", num(1), 1, 0},
			{"2026Q3/needs_detected/target_group/unknown", num(1), 1, 0},
			{"2026Q2/needs_detected/total/", num(1), 1, 0},
			{"2026Q4/needs_detected/total/", num(0), 0, 0},
			{"2026Q3/needs_declined_share/total/", num(0.1), 10, 0},
			{"2026Q3/requests_denied/total/", num(2), 2, 0},
			{"2026Q3/coverage/total/", num(5.0 / 6), 6, 1},
			{"2026Q3/coverage/municipality/1380", num(0.8), 5, 0},
			{"2026Q3/coverage/municipality/1382", num(1), 1, 1},
			{"2026Q3/coverage/context/child_placement", num(0.5), 2, 0},
			{"2026Q3/discharges_needing_sip/total/", num(3), 3, 0},
			{"2026Q2/discharges_needing_sip/total/", num(1), 1, 0},
			{"2026Q3/discharge_sip_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q3/discharge_sip_share/care_type/somatic", num(0.5), 2, 0},
			{"2026Q2/sips_active/total/", num(1), 1, 0},
			{"2026Q3/sips_active/total/", num(4), 4, 1},
			{"2026Q4/sips_active/total/", num(5), 5, 1},
		})
	})
	t.Run("lead time family", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			{"2026Q3/lead_time_median_days/total/", num(15), 5, 1},
			{"2026Q3/lead_time_p90_days/total/", num(29), 5, 1},
			{"2026Q3/lead_time_median_days/municipality/1380", num(14.5), 4, 0},
			{"2026Q3/within_target_share/total/", num(0.5), 6, 1},
			{"2026Q3/invitation_lead_median_days/total/", num(5), 6, 0},
			{"2026Q3/discharge_to_meeting_median_days/total/", num(18), 2, 0},
			{"2026Q2/discharge_to_meeting_median_days/total/", num(17), 1, 0},
			{"2026Q3/discharge_invitation_on_time_share/total/", num(0.5), 2, 0},
			{"2026Q2/discharge_invitation_on_time_share/total/", num(0), 1, 0},
		})
	})
	t.Run("attendance family", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			{"2026Q3/meetings_held/total/", num(6), 6, 1},
			{"2026Q3/meetings_held/mode/unknown", num(1), 1, 0},
			{"2026Q3/meetings_held/mode/in_person", num(3), 3, 1},
			{"2026Q4/meetings_held/total/", num(1), 1, 1},
			{"2026Q2/meetings_held/total/", num(1), 1, 0},
			{"2026Q3/summoned_attendance_share/total/", num(0.7), 10, 2},
			{"2026Q3/summoned_absent_share/total/", num(0.2), 10, 2},
			{"2026Q3/invited_attendance_share/total/", num(0.5), 2, 0},
			{"2026Q3/summoned_attendance_share/org_type/primary_care", num(2.0 / 3), 3, 0},
			{"2026Q3/attendance_gap_by_org/total/", num(0.3), 10, 2},
			{"2026Q3/attendance_gap_by_org/org_type/municipal_social_services", num(0.25), 4, 1},
			{"2026Q3/attendance_gap_by_org/org_type/primary_care", num(1.0 / 3), 3, 0},
			{"2026Q3/attendance_gap_by_org/org_type/child_psychiatry", num(1), 1, 0},
			{"2026Q3/attendance_gap_by_org/org_type/school", num(0), 1, 0},
			{"2026Q3/attendance_gap_by_org/org_type/adult_psychiatry", nil, 0, 1},
		})
	})
	t.Run("optional tables not delivered are no data", func(t *testing.T) {
		for _, id := range []string{"sips_per_10000", "plan_complete_share", "deviations", "survey_dim_information"} {
			v := ix["2026Q3/"+id+"/total/"]
			if !v.NoData || v.Value != nil {
				t.Errorf("%s: no_data = %v, value = %v; want no data", id, v.NoData, v.Value)
			}
		}
		if v := ix["2026Q3/discharges_needing_sip/total/"]; v.NoData {
			t.Error("discharges_needing_sip: no data, but discharges.csv was delivered")
		}
	})
	t.Run("labels are Swedish", func(t *testing.T) {
		for key, want := range map[string]string{
			"2026Q3/needs_detected/municipality/1380":          "Halmstad",
			"2026Q3/needs_detected/region/13":                  "Hallands län",
			"2026Q3/needs_detected/context/discharge":          "Utskrivning från sluten vård",
			"2026Q3/needs_detected/target_group/unknown":       "Uppgift saknas",
			"2026Q3/needs_detected/total/":                     "Totalt",
			"2026Q3/meetings_held/mode/in_person":              "Fysiskt möte",
			"2026Q3/summoned_attendance_share/org_type/school": "Skola/elevhälsa",
		} {
			if got := ix[key].GroupLabel; got != want {
				t.Errorf("%s: label %q, want %q", key, got, want)
			}
		}
	})
}

func TestKPIFamiliesFixture(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "families")
	vs, err := Values(context.Background(), db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ix := indexValues(vs)
	cases := map[string][]expect{
		"participation": {
			{"2026Q3/individual_present_share/total/", num(1), 7, 2},
			{"2026Q3/individual_represented_share/total/", num(0), 7, 2},
			{"2026Q3/child_present_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q2/child_present_share/total/", num(1), 1, 0},
		},
		"goals": {
			{"2026Q3/goals_set/total/", num(3), 3, 0},
			{"2026Q3/goal_smart_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q1/goals_set/total/", num(2), 2, 0},
			{"2026Q1/goal_smart_share/total/", num(0.5), 2, 0},
			{"2026Q3/goals_reviewed/total/", num(3), 3, 0},
			{"2026Q3/goal_achieved_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q3/goal_partly_share/total/", num(1.0 / 3), 3, 0},
			{"2026Q3/goal_not_achieved_share/total/", num(0), 3, 0},
			{"2026Q3/goal_partly_share/municipality/0114", num(1), 1, 0},
			{"2026Q1/goals_reviewed/total/", num(1), 1, 0},
		},
		"follow_up": {
			{"2026Q3/followups_due/total/", num(4), 4, 0},
			{"2026Q3/followup_on_time_share/total/", num(0.5), 4, 0},
			{"2026Q2/followups_due/total/", num(1), 1, 0},
			{"2026Q2/followup_on_time_share/total/", num(1), 1, 0},
			{"2026Q3/followup_date_missing_share/total/", num(1.0 / 3), 3, 0},
			{"2026Q2/followups_overdue/total/", num(1), 1, 0},
			{"2026Q3/followups_overdue/total/", num(1), 1, 0},
			{"2026Q4/followups_overdue/total/", num(1), 1, 0},
		},
		"plan": {
			{"2026Q3/plan_complete_share/total/", num(1.0 / 3), 3, 0},
			{"2026Q3/long_term_goal_share/total/", num(1.0 / 3), 3, 0},
		},
		"consent": {
			{"2026Q3/consent_expired_active/total/", num(2), 2, 1},
			{"2026Q2/consent_expired_active/total/", num(1), 1, 0},
			{"2026Q3/consents_withdrawn/total/", num(1), 1, 0},
		},
		"closure": {
			{"2026Q3/sips_closed/total/", num(2), 2, 0},
			{"2026Q3/sips_closed/closure_reason/goal_changed_restart", num(1), 1, 0},
			{"2026Q3/sips_closed/closure_reason/unknown", num(1), 1, 0},
			{"2026Q3/sip_duration_median_days/total/", num(145), 2, 0},
			{"2026Q3/restart_share/total/", num(1), 1, 1},
			{"2026Q2/sips_closed/total/", num(1), 1, 0},
			{"2026Q2/sip_duration_median_days/total/", nil, 0, 1},
		},
		"deviations": {
			{"2026Q3/deviations/total/", num(3), 3, 0},
			{"2026Q3/deviations/municipality/0180", num(2), 2, 0},
			{"2026Q3/deviations/concerns_org/unknown", num(1), 1, 0},
			{"2026Q3/deviations/category/no_initiative", num(1), 1, 0},
			{"2026Q4/deviations/total/", num(1), 1, 0},
			{"2026Q3/deviations_per_100_meetings/total/", num(37.5), 8, 0},
			{"2026Q3/deviations_per_100_meetings/municipality/0180", num(40), 5, 0},
			{"2026Q3/deviations_per_100_meetings/municipality/0114", num(100.0 / 3), 3, 0},
		},
		"ways of working": {
			{"2026Q3/video_share/total/", num(0.25), 8, 1},
			{"2026Q3/initiated_by_school_share/total/", num(0), 2, 0},
			{"2026Q2/initiated_by_school_share/total/", num(0.5), 2, 0},
			{"2026Q3/initiated_by_individual_share/total/", num(0.5), 2, 0},
			{"2026Q3/shared_it_service_share/total/", num(0), 1, 0},
			{"2026Q1/shared_it_service_share/total/", num(1), 2, 0},
		},
		"coverage population rate": {
			{"2026Q3/sips_active/total/", num(3), 3, 0},
			{"2026Q3/sips_per_10000/total/", num(30000.0 / 1029770), 3, 0},
			{"2026Q3/sips_per_10000/region/01", num(30000.0 / 1029770), 3, 0},
			{"2026Q3/sips_per_10000/municipality/0180", num(20000.0 / 978770), 2, 0},
			{"2026Q3/sips_per_10000/municipality/0114", num(10000.0 / 51000), 1, 0},
		},
		"survey": {
			{"2026Q3/survey_q_info/total/", num(75), 3, 0},
			{"2026Q3/survey_q_info_mean/total/", num(4), 3, 0},
			{"2026Q3/survey_q_info_top_box_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q3/survey_q_part/total/", num(50), 2, 0},
			{"2026Q3/survey_q_part_mean/total/", num(3), 2, 0},
			{"2026Q3/survey_q_part_top_box_share/total/", num(0.5), 2, 0},
			{"2026Q3/survey_q_overall/total/", num(90), 2, 0},
			{"2026Q3/survey_q_overall_mean/total/", num(9), 2, 0},
			{"2026Q3/survey_q_overall_top_box_share/total/", num(0.5), 2, 0},
			{"2026Q3/survey_dim_information/total/", num(75), 3, 0},
			{"2026Q3/survey_dim_overall_top_box_share/total/", num(0.5), 2, 0},
			{"2026Q3/survey_q_info_mean/respondent/guardian", num(3), 1, 0},
			{"2026Q3/survey_q_info/municipality/0114", num(62.5), 2, 0},
			{"2026Q2/survey_q_info/total/", num(0), 1, 0},
			{"2026Q2/survey_q_part/total/", nil, 0, 0},
			{"2026Q3/survey_dim_treatment/total/", nil, 0, 0},
		},
	}
	for name, cs := range cases {
		t.Run(name, func(t *testing.T) { checkExpect(t, ix, cs) })
	}
}
