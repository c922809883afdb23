package transform

import (
	"context"
	"maps"
	"sort"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// flagsOfFixtures are the rows the basic and families fixtures break, by
// rule (source:row_id), whatever the consent rule (the READMEs of the
// fixtures say why each breaks its rule).
var flagsOfFixtures = map[string][]string{
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
}

// dqFlags reads dq_flags as rule → sorted source:row_id.
func dqFlags(t *testing.T, db *warehouse.DB) map[string][]string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), "select rule_id, source || ':' || row_id from dq_flags")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
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
	for rule := range got {
		sort.Strings(got[rule])
	}
	return got
}

func TestDQFlags(t *testing.T) {
	ctx := context.Background()
	withChild := maps.Clone(flagsOfFixtures)
	withChild["consent_child_one_guardian"] = []string{"fixture-families:K3"}
	for _, tc := range []struct {
		name string
		rule string
		want map[string][]string
	}{
		{name: "both guardians required", rule: "both_guardians", want: withChild},
		{name: "any guardian accepted", rule: "any_guardian", want: flagsOfFixtures},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultSettings()
			s.ChildConsentRule = tc.rule
			db := fixtureDB(t, s, "basic", "families")
			got := dqFlags(t, db)
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

// TestSIPNeedAfterAsOfIsFlagged: a SIP whose need was detected after its
// extract's extracted_at (2026-10-05 in the basic fixture) is left out of
// the core model with its meetings; it must show as a data-quality flag, not
// vanish. The same SIP dated on the as-of date is not flagged.
func TestSIPNeedAfterAsOfIsFlagged(t *testing.T) {
	for _, tc := range []struct {
		need string
		want string
	}{
		{"2026-10-06", "fixture-basic:S90"},
		{"2026-10-05", ""},
	} {
		dir := fixtureWith(t, "basic", map[string]string{
			"sips.csv":     "S90,p1,13,1380,standard,mental_health,primary_care," + tc.need + ",false,,,,,,,\n",
			"meetings.csv": "M90,S90,initial," + tc.need + ",planned,,,,,,\n",
		})
		got := dqFlags(t, builtDB(t, DefaultSettings(), dir))["sip_need_after_as_of"]
		if strings.Join(got, ",") != tc.want {
			t.Errorf("need detected %s: flagged %v, want %q", tc.need, got, tc.want)
		}
	}
}
