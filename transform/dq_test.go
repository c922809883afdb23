package transform

import (
	"context"
	"sort"
	"strings"
	"testing"
)

func TestDQFlags(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		rule string
		want map[string][]string
	}{
		{
			name: "both guardians required",
			rule: "both_guardians",
			want: map[string][]string{
				"meeting_held_before_need":                      {"fixture-basic:M7"},
				"meeting_held_after_as_of":                      {"fixture-basic:M1f"},
				"meeting_held_without_date":                     {"fixture-families:N10"},
				"meeting_held_without_mode":                     {"fixture-basic:M10f"},
				"meeting_held_without_individual_participation": {"fixture-families:N8"},
				"participant_without_attendance":                {"fixture-basic:P11"},
				"sip_closed_before_opened":                      {"fixture-families:T4"},
				"sip_closed_without_reason":                     {"fixture-families:T5"},
				"sip_invitation_before_need":                    {"fixture-basic:S9"},
				"consent_withdrawn_before_decision":             {"fixture-families:K5"},
				"participant_attendance_on_unheld":              {"fixture-basic:P15"},
				"goal_target_before_set":                        {"fixture-families:G6"},
				"goal_review_at_set_meeting":                    {"fixture-families:G4|N5"},
				"consent_child_one_guardian":                    {"fixture-families:K3"},
			},
		},
		{
			name: "any guardian accepted",
			rule: "any_guardian",
			want: map[string][]string{
				"meeting_held_before_need":                      {"fixture-basic:M7"},
				"meeting_held_after_as_of":                      {"fixture-basic:M1f"},
				"meeting_held_without_date":                     {"fixture-families:N10"},
				"meeting_held_without_mode":                     {"fixture-basic:M10f"},
				"meeting_held_without_individual_participation": {"fixture-families:N8"},
				"participant_without_attendance":                {"fixture-basic:P11"},
				"sip_closed_before_opened":                      {"fixture-families:T4"},
				"sip_closed_without_reason":                     {"fixture-families:T5"},
				"sip_invitation_before_need":                    {"fixture-basic:S9"},
				"consent_withdrawn_before_decision":             {"fixture-families:K5"},
				"participant_attendance_on_unheld":              {"fixture-basic:P15"},
				"goal_target_before_set":                        {"fixture-families:G6"},
				"goal_review_at_set_meeting":                    {"fixture-families:G4|N5"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultSettings()
			s.ChildConsentRule = tc.rule
			db := fixtureDB(t, s, "basic", "families")
			rows, err := db.QueryContext(ctx, "select rule_id, source || ':' || row_id from dq_flags")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for rows.Next() {
				var rule, id string
				if err := rows.Scan(&rule, &id); err != nil {
					t.Fatal(err)
				}
				got[rule] = append(got[rule], id)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			for rule := range got {
				sort.Strings(got[rule])
			}
			for rule, want := range tc.want {
				if strings.Join(got[rule], ",") != strings.Join(want, ",") {
					t.Errorf("%s: flagged %v, want %v", rule, got[rule], want)
				}
			}
			for rule, ids := range got {
				if _, ok := tc.want[rule]; !ok {
					t.Errorf("%s: flagged %v, want none", rule, ids)
				}
			}
			var rules int
			if err := db.QueryRowContext(ctx, "select count(*) from dq_rules where description_sv <> '' and description_en <> ''").Scan(&rules); err != nil {
				t.Fatal(err)
			}
			if rules != len(DQRules()) || rules != 15 {
				t.Errorf("dq_rules has %d described rules, want %d", rules, len(DQRules()))
			}
			// The consent rule decides whether the child's SIP is left out
			// of consent_expired_active (families fixture, T2).
			vs, err := Values(ctx, db, Filter{Periods: []string{"2026Q3"}, KPIIDs: []string{"consent_expired_active"}, Breakdowns: []string{"municipality"}})
			if err != nil {
				t.Fatal(err)
			}
			var excluded0114 int64 = -1
			for _, v := range vs {
				if v.Group == "0114" {
					excluded0114 = v.Excluded
				}
			}
			wantEx := int64(1)
			if tc.rule == "any_guardian" {
				wantEx = 0
			}
			if excluded0114 != wantEx && !(wantEx == 0 && excluded0114 == -1) {
				t.Errorf("consent_expired_active 0114 excluded = %d, want %d", excluded0114, wantEx)
			}
		})
	}
}
