package transform

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSettings(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("the example file is the defaults plus a region name", func(t *testing.T) {
		s, err := LoadSettings("sipstat.example.toml")
		if err != nil {
			t.Fatal(err)
		}
		want := DefaultSettings()
		want.RegionName = "Region Exempel"
		if !reflect.DeepEqual(s, want) {
			t.Errorf("example = %+v, want %+v", s, want)
		}
	})
	t.Run("keys left out keep their defaults", func(t *testing.T) {
		s, err := LoadSettings(write("a.toml", "meeting_target_days = 30\n[meeting_target_days_by_context]\nchild_placement = 45\n"))
		if err != nil {
			t.Fatal(err)
		}
		if s.MeetingTargetDays != 30 || s.MeetingTargetDaysByContext["child_placement"] != 45 || s.FollowUpToleranceDays != 14 || s.SmallNumberThreshold != 5 {
			t.Errorf("got %+v", s)
		}
		// The 21 days are a reference line of the median lead time, not a
		// target (kpis.md: none is invented).
		k := findKPI(CatalogWith(s), "lead_time_median_days")
		if k.Target != nil || k.ReferenceLine == nil || *k.ReferenceLine != 30 {
			t.Errorf("lead_time_median_days target = %v, reference line = %v, want none and 30", k.Target, k.ReferenceLine)
		}
	})
	for name, tc := range map[string]struct{ body, wantErr string }{
		"an unknown key is named":     {"meeting_target_dayz = 3\n", "meeting_target_dayz"},
		"a bad context is named":      {"[meeting_target_days_by_context]\nschool = 3\n", "school"},
		"a bad consent rule is named": {"child_consent_rule = \"one\"\n", "child_consent_rule"},
		"a syntax error has a line":   {"region_name = \n", "b.toml:1"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := LoadSettings(write("b.toml", tc.body))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want one naming %q", err, tc.wantErr)
			}
		})
	}
}

func findKPI(ks []KPI, id string) *KPI {
	for i := range ks {
		if ks[i].ID == id {
			return &ks[i]
		}
	}
	return nil
}

// detailIDs are the catalogue KPIs marked headline = false.
var detailIDs = []string{
	"lead_time_p25_days", "lead_time_p75_days", "lead_time_min_days", "lead_time_max_days",
	"attendance_gap_by_org", "attendance_by_mode",
}

func TestCatalog(t *testing.T) {
	ks := Catalog()
	var ids []string
	for _, k := range ks {
		if k.Family != "survey" {
			ids = append(ids, k.ID)
		}
		if k.NameSV == "" || k.NameEN == "" || k.DefinitionSV == "" || k.DefinitionEN == "" {
			t.Errorf("%s: a name or definition is empty", k.ID)
		}
		switch k.Unit {
		case UnitCount, UnitShare, UnitDays, UnitRate, UnitIndex, UnitMean:
		default:
			t.Errorf("%s: unit %q", k.ID, k.Unit)
		}
		switch k.Direction {
		case "higher", "lower", "neutral":
		default:
			t.Errorf("%s: direction %q", k.ID, k.Direction)
		}
		for _, b := range k.Breakdowns {
			if !contains(Breakdowns, b) || b == "total" {
				t.Errorf("%s: breakdown %q", k.ID, b)
			}
		}
	}
	var spec, added []string
	for _, id := range ids {
		if contains(specIDs, id) {
			spec = append(spec, id)
		} else {
			added = append(added, id)
		}
	}
	if !reflect.DeepEqual(spec, specIDs) {
		t.Errorf("catalogue ids of kpis.md (without survey) =\n%v\nwant kpis.md's\n%v", spec, specIDs)
	}
	if !reflect.DeepEqual(added, addedIDs) {
		t.Errorf("catalogue ids beyond kpis.md =\n%v\nwant\n%v", added, addedIDs)
	}
	for _, k := range ks {
		want := !contains(detailIDs, k.ID) && (!strings.HasPrefix(k.ID, "survey_") ||
			!strings.HasSuffix(k.ID, "_mean") && !strings.HasSuffix(k.ID, "_top_box_share"))
		if k.IsHeadline() != want {
			t.Errorf("%s: IsHeadline = %v, want %v", k.ID, k.IsHeadline(), want)
		}
	}
	if (KPI{ID: "survey_q_info"}).IsHeadline() {
		t.Error("a per-question survey KPI is a headline KPI")
	}
	if findKPI(ks, "survey_dim_coordination_top_box_share") == nil {
		t.Error("survey dimension KPIs missing")
	}
	for _, r := range DQRules() {
		_, err := sqlFiles.ReadFile("sql/dq/" + r.ID + ".sql")
		switch {
		case r.Where == "" && err != nil:
			t.Errorf("dq rule %s has neither a where nor sql/dq/%s.sql", r.ID, r.ID)
		case r.Where != "" && err == nil:
			t.Errorf("dq rule %s has a where and sql/dq/%s.sql: which one counts?", r.ID, r.ID)
		}
	}
	for _, f := range families {
		if _, err := sqlFiles.ReadFile("sql/kpi/" + f + ".sql"); err != nil {
			t.Errorf("family %s has no SQL", f)
		}
	}
}
