package transform

import "testing"

// The expected figures below are worked out by hand in
// testdata/basic/README.md and testdata/families/README.md, never by running
// SQL.

func TestKPIBasicFixture(t *testing.T) {
	_, ix := fixtureValues(t, DefaultSettings(), "basic")
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
	t.Run("process funnel", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			// Given consent by A, not declined: S1 (C1), S3 (C3), S11 (C5
			// after its decline); S2 declined.
			{"2026Q3/sips_consented/total/", num(3), 3, 0},
			{"2026Q3/sips_consented/municipality/1380", num(2), 2, 0},
			// Invitation by A: S1, S3, S6, S8, S9, S11.
			{"2026Q3/sips_invited/total/", num(6), 6, 0},
			{"2026Q3/sips_invited/context/child_placement", num(2), 2, 0},
			// Valid initial meeting by A: S1, S3, S8, S9 (10-01), S11; S7's
			// initial M7 is before the need → excluded.
			{"2026Q3/initial_meetings_held/total/", num(5), 5, 1},
			{"2026Q3/initial_meetings_held/municipality/1382", num(1), 1, 1},
			// Follow-ups held in Q3: M10f; M1f (10-20, after A) is excluded
			// in Q4.
			{"2026Q3/followups_held/total/", num(1), 1, 0},
			{"2026Q4/followups_held/total/", num(0), 0, 1},
			{"2026Q2/followups_held/total/", num(0), 0, 0},
		})
	})
	t.Run("initiated_by breakdown", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			// Needs by initiator: primary_care S1, S9; inpatient_care S2,
			// S8; individual S5, S11; school S3; municipal_health_care S4;
			// municipal_social_services S6; addiction_care S7 (sum 10).
			{"2026Q3/needs_detected/initiated_by/primary_care", num(2), 2, 0},
			{"2026Q3/needs_detected/initiated_by/inpatient_care", num(2), 2, 0},
			{"2026Q3/needs_detected/initiated_by/individual", num(2), 2, 0},
			{"2026Q3/needs_detected/initiated_by/school", num(1), 1, 0},
			{"2026Q3/needs_detected/initiated_by/municipal_health_care", num(1), 1, 0},
			{"2026Q3/needs_detected/initiated_by/municipal_social_services", num(1), 1, 0},
			{"2026Q3/needs_detected/initiated_by/addiction_care", num(1), 1, 0},
			// Coverage: primary_care S1, S9 met → 2/2; school S3 → 1/1;
			// municipal_social_services S6 overdue → 0/1; individual S11
			// met (S5 pending) → 1/1; addiction_care only S7 (excluded).
			{"2026Q3/coverage/initiated_by/primary_care", num(1), 2, 0},
			{"2026Q3/coverage/initiated_by/school", num(1), 1, 0},
			{"2026Q3/coverage/initiated_by/municipal_social_services", num(0), 1, 0},
			{"2026Q3/coverage/initiated_by/individual", num(1), 1, 0},
			{"2026Q3/coverage/initiated_by/addiction_care", nil, 0, 1},
			// Lead times: primary_care S9 6, S1 14 → median 10; inpatient
			// S8 26. Within 21 days: primary_care 2/2, school S3 31 → 0/1.
			{"2026Q3/lead_time_median_days/initiated_by/primary_care", num(10), 2, 0},
			{"2026Q3/lead_time_median_days/initiated_by/inpatient_care", num(26), 1, 0},
			{"2026Q3/within_target_share/initiated_by/primary_care", num(1), 2, 0},
			{"2026Q3/within_target_share/initiated_by/school", num(0), 1, 0},
		})
		for key, want := range map[string]string{
			"2026Q3/needs_detected/initiated_by/school":     "Skola/elevhälsa",
			"2026Q3/needs_detected/initiated_by/individual": "Den enskilde",
		} {
			if got := ix[key].GroupLabel; got != want {
				t.Errorf("%s: label %q, want %q", key, got, want)
			}
		}
		// The initiator groups partition the total of every KPI that has
		// the breakdown (missing → unknown).
		for _, k := range Catalog() {
			if !contains(k.Breakdowns, "initiated_by") || k.Unit != UnitCount {
				continue
			}
			var sum float64
			for _, v := range ix {
				if v.Period == "2026Q3" && v.KPIID == k.ID && v.Breakdown == "initiated_by" && v.Value != nil {
					sum += *v.Value
				}
			}
			if tot := ix["2026Q3/"+k.ID+"/total/"]; tot.Value == nil || *tot.Value != sum {
				t.Errorf("%s: initiated_by groups sum to %v, total %v", k.ID, sum, tot.Value)
			}
		}
	})
	t.Run("lead time family", func(t *testing.T) {
		checkExpect(t, ix, []expect{
			{"2026Q3/lead_time_median_days/total/", num(15), 5, 1},
			{"2026Q3/lead_time_p90_days/total/", num(29), 5, 1},
			{"2026Q3/lead_time_median_days/municipality/1380", num(14.5), 4, 0},
			{"2026Q3/within_target_share/total/", num(0.5), 6, 1},
			// S9's invitation (09-23) is before its need (09-25): rule
			// sip_invitation_before_need leaves it out → 4, 5, 5, 5, 9.
			{"2026Q3/invitation_lead_median_days/total/", num(5), 5, 1},
			// The box plot over 6, 14, 15, 26, 31: p25 at position
			// 0.25 × 4 = 1 → 14, p75 at 3 → 26, min 6, max 31.
			{"2026Q3/lead_time_p25_days/total/", num(14), 5, 1},
			{"2026Q3/lead_time_p75_days/total/", num(26), 5, 1},
			{"2026Q3/lead_time_min_days/total/", num(6), 5, 1},
			{"2026Q3/lead_time_max_days/total/", num(31), 5, 1},
			// Standard context: S9 6, S1 14, S11 15 (S7 excluded): p25 at
			// 0.5 → 6 + 0.5 × 8 = 10, median 14, p75 at 1.5 → 14.5.
			{"2026Q3/lead_time_p25_days/context/standard", num(10), 3, 1},
			{"2026Q3/lead_time_median_days/context/standard", num(14), 3, 1},
			{"2026Q3/lead_time_p75_days/context/standard", num(14.5), 3, 1},
			{"2026Q3/lead_time_min_days/context/standard", num(6), 3, 1},
			{"2026Q3/lead_time_max_days/context/standard", num(15), 3, 1},
			{"2026Q3/lead_time_p25_days/context/child_placement", num(31), 1, 0},
			{"2026Q3/lead_time_p25_days/initiated_by/primary_care", num(8), 2, 0},
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
	_, ix := fixtureValues(t, DefaultSettings(), "families")
	cases := map[string][]expect{
		"participation": {
			{"2026Q3/individual_present_share/total/", num(1), 7, 2},
			{"2026Q3/individual_represented_share/total/", num(0), 7, 2},
			{"2026Q3/child_present_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q2/child_present_share/total/", num(1), 1, 0},
		},
		"goals": {
			// G1, G2, G3 and G6 (at N8); G6's target 08-01 is before N8
			// (08-10): rule goal_target_before_set leaves it out of the
			// SMART share, so G1, G3 of G1, G2, G3 → 2/3.
			{"2026Q3/goals_set/total/", num(4), 4, 0},
			{"2026Q3/goal_smart_share/total/", num(2.0 / 3), 3, 1},
			{"2026Q1/goals_set/total/", num(2), 2, 0},
			{"2026Q1/goal_smart_share/total/", num(0.5), 2, 0},
			{"2026Q3/goals_reviewed/total/", num(3), 3, 0},
			{"2026Q3/goal_achieved_share/total/", num(2.0 / 3), 3, 0},
			{"2026Q3/goal_partly_share/total/", num(1.0 / 3), 3, 0},
			{"2026Q3/goal_not_achieved_share/total/", num(0), 3, 0},
			{"2026Q3/goal_partly_share/municipality/0114", num(1), 1, 0},
			// G4's only Q1 review is at N5, where it was set (rule
			// goal_review_at_set_meeting): no review, excluded.
			{"2026Q1/goals_reviewed/total/", num(0), 0, 1},
			// By initiator: G1 (T1 primary_care) achieved, G3 (T2 school)
			// partly, G5 (T3 municipal_health_care) achieved.
			{"2026Q3/goal_achieved_share/initiated_by/primary_care", num(1), 1, 0},
			{"2026Q3/goal_achieved_share/initiated_by/school", num(0), 1, 0},
			{"2026Q3/goal_achieved_share/initiated_by/municipal_health_care", num(1), 1, 0},
		},
		"follow_up": {
			{"2026Q3/followups_due/total/", num(4), 4, 0},
			{"2026Q3/followup_on_time_share/total/", num(0.5), 4, 0},
			{"2026Q2/followups_due/total/", num(1), 1, 0},
			{"2026Q2/followup_on_time_share/total/", num(1), 1, 0},
			{"2026Q3/followup_date_missing_share/total/", num(1.0 / 3), 3, 0},
			// Follow-ups held in Q3: N2, N4a, N4, N6, N9; N10 has no
			// held_date (excluded, planned 09-20).
			{"2026Q3/followups_held/total/", num(5), 5, 1},
			{"2026Q3/followups_held/municipality/0114", num(2), 2, 0},
			{"2026Q4/followups_overdue/total/", num(1), 1, 0},
		},
		"plan": {
			{"2026Q3/plan_complete_share/total/", num(1.0 / 3), 3, 0},
			{"2026Q3/long_term_goal_share/total/", num(1.0 / 3), 3, 0},
		},
		"consent": {
			{"2026Q3/consent_expired_active/total/", num(2), 2, 1},
			{"2026Q2/consent_expired_active/total/", num(1), 1, 0},
			// K2; K5 (T4) withdrawn 07-02 before its decision 07-05 is
			// excluded (rule consent_withdrawn_before_decision).
			{"2026Q3/consents_withdrawn/total/", num(1), 1, 1},
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
		"funnel": {
			// Needs in Q3: T4, T6. T4 has K5 given (withdrawn, but given
			// and not declined); T6 none. No invitations. T6's initial N8.
			{"2026Q3/sips_consented/total/", num(1), 1, 0},
			{"2026Q3/sips_invited/total/", num(0), 0, 0},
			{"2026Q3/initial_meetings_held/total/", num(1), 1, 0},
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
