package contract

import "testing"

func TestTablesAreConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, tb := range Tables {
		if seen[tb.Name] {
			t.Errorf("table %s listed twice", tb.Name)
		}
		seen[tb.Name] = true
		for _, k := range tb.Key {
			c, ok := tb.Column(k)
			if !ok {
				t.Errorf("%s: key column %s missing", tb.Name, k)
			} else if !c.Required {
				t.Errorf("%s: key column %s is not required", tb.Name, k)
			}
		}
		for _, c := range tb.Columns {
			if c.Type == TypeCode && c.Codes == nil {
				t.Errorf("%s.%s: code column without a code list", tb.Name, c.Name)
			}
			if c.References != "" {
				ref, ok := Lookup(c.References)
				if !ok {
					t.Errorf("%s.%s references unknown table %s", tb.Name, c.Name, c.References)
					continue
				}
				// A table comes after the tables it references (load order),
				// except a self-reference.
				if ref.Name != tb.Name && !seen[ref.Name] {
					t.Errorf("%s.%s references %s, which comes later", tb.Name, c.Name, ref.Name)
				}
			}
		}
	}
	for _, name := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews"} {
		if tb, ok := Lookup(name); !ok || tb.Optional {
			t.Errorf("%s must be a required table", name)
		}
	}
}

func TestCodesParseSwedishLabels(t *testing.T) {
	tests := []struct {
		list *CodeList
		in   string
		want string
	}{
		{Sex, "K", "female"},
		{Sex, "m", "male"},
		{Sex, "Kvinna", "female"},
		{MeetingStatus, " Genomfört ", "held"},
		{Attendance, "förhinder anmält", "absent_notified"},
		{Attendance, "Ersättare", "substitute"},
		{GoalStatus, "Delvis uppfyllt", "partly_achieved"},
		{Initiator, "Skola", "school"},
		{Initiator, "närstående", "relative"},
		{OrgType, "BUP", "child_psychiatry"},
		{Context, "child_placement", "child_placement"},
	}
	for _, tt := range tests {
		got, ok := tt.list.Parse(tt.in)
		if !ok || got != tt.want {
			t.Errorf("%s.Parse(%q) = %q, %v; want %q", tt.list.Name, tt.in, got, ok, tt.want)
		}
	}
	if _, ok := OrgType.Parse("individual"); ok {
		t.Error("individual is not an org type (only an initiator or participant)")
	}
	if _, ok := Sex.Parse("x"); ok {
		t.Error("unknown code parsed")
	}
}

// TestNoAmbiguousLabels guards against a Swedish label or alias that maps to
// two different codes in one list, which would silently pick one.
func TestNoAmbiguousLabels(t *testing.T) {
	lists := []*CodeList{Sex, Context, TargetGroup, OrgType, Initiator, RecordSystem, ClosureReason,
		ConsentDecision, ConsentScope, ConsentGivenBy, MeetingKind, MeetingStatus, MeetingMode,
		IndividualParticipation, ChildParticipation, ParticipantRole, Attendance, GoalArea, GoalStatus,
		CareType, DeviationCategory, SurveyDimension, Respondent}
	for _, l := range lists {
		seen := map[string]string{}
		for _, c := range l.Codes {
			for _, s := range append([]string{c.Code, c.Label}, c.Aliases...) {
				k := lower(s)
				if prev, ok := seen[k]; ok && prev != c.Code {
					t.Errorf("%s: %q means both %s and %s", l.Name, s, prev, c.Code)
				}
				seen[k] = c.Code
			}
		}
	}
}

// SCB's list: 290 municipalities in 21 counties, Stockholm 0180 in
// Stockholms län, each kommunkod once; a malformed row is refused.
func TestMunicipalities(t *testing.T) {
	if len(SCBMunicipalities) != 290 {
		t.Errorf("%d municipalities, want SCB's 290", len(SCBMunicipalities))
	}
	codes, counties := map[string]bool{}, map[string]bool{}
	for _, m := range SCBMunicipalities {
		if codes[m.Code] {
			t.Errorf("%s listed twice", m.Code)
		}
		codes[m.Code], counties[m.CountyCode] = true, true
		if m.Code == "0180" && (m.Name != "Stockholm" || m.CountyName != "Stockholms län") {
			t.Errorf("0180 = %+v", m)
		}
	}
	if len(counties) != 21 {
		t.Errorf("%d counties, want 21", len(counties))
	}
	if _, err := parseMunicipalities("municipality_code,municipality_name,county_code,county_name\n0180,Stockholm,03,Uppsala län\n"); err == nil {
		t.Error("a kommunkod outside its county is accepted")
	}
}
