package transform

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/sipstat/sipstat/contract"
)

// Settings are the region's targets and rules (kpis.md "Targets"). They reach
// the SQL as bound parameters through the one-row temp table kpi_params.
type Settings struct {
	// RegionName is shown in report titles, e.g. "Region Halland".
	RegionName string `toml:"region_name"`
	// MeetingTargetDays is the target for need → initial meeting, in days.
	MeetingTargetDays int `toml:"meeting_target_days"`
	// MeetingTargetDaysByContext overrides MeetingTargetDays per SIP context
	// (discharge, child_placement, standard).
	MeetingTargetDaysByContext map[string]int `toml:"meeting_target_days_by_context"`
	// MeetingTargetDaysChildren, when > 0, is the target for SIPs of children
	// (under 18 at the need); it takes precedence over the context override.
	MeetingTargetDaysChildren int `toml:"meeting_target_days_children"`
	// FollowUpToleranceDays is how many days after next_follow_up_date a
	// follow-up still counts as on time.
	FollowUpToleranceDays int `toml:"follow_up_tolerance_days"`
	// ConsentValidityDays is how long a given consent is valid, in days.
	ConsentValidityDays int `toml:"consent_validity_days"`
	// DischargeSummonsDays is how many days after ready_for_discharge_date the
	// SIP summons is due (lag 2017:612: 3).
	DischargeSummonsDays int `toml:"discharge_summons_days"`
	// SmallNumberThreshold is the smallest count shown by suppressed outputs.
	SmallNumberThreshold int `toml:"small_number_threshold"`
	// ChildConsentRule is "both_guardians" (a child's consent given by one
	// guardian only is flagged) or "any_guardian".
	ChildConsentRule string `toml:"child_consent_rule"`
	// Targets are the region's target levels by KPI id ([targets]), e.g.
	// within_target_share = ">= 0.80" (also "≥ 80 %" for a share). Shipped
	// defaults hold none.
	Targets map[string]string `toml:"targets"`
	// ObservationWindowDays overrides a KPI's observation window W (days)
	// by KPI id ([observation_window_days]).
	ObservationWindowDays map[string]int `toml:"observation_window_days"`
}

// Target is one parsed target rule: the value must be Op (">=" or "<=")
// Level, in the value's unit (a share is 0…1).
type Target struct {
	Op    string
	Level float64
}

// ParseTargets parses and checks [targets]: every id is a KPI of the
// catalogue (a per-question user-audit id, survey_<question>…, is checked
// against the data by Build), every rule is ">= x" or "<= x" (≥ and ≤, a
// decimal comma and, for a share, "80 %" are accepted), a share's level is
// within 0…1, and the operator agrees with the KPI's direction.
func (s Settings) ParseTargets() (map[string]Target, error) {
	if len(s.Targets) == 0 {
		return nil, nil
	}
	kpis := catalogByID()
	out := map[string]Target{}
	for _, id := range slices.Sorted(maps.Keys(s.Targets)) {
		rule := s.Targets[id]
		k, known := kpis[id]
		if !known && !strings.HasPrefix(id, "survey_") {
			return nil, fmt.Errorf("targets.%s: no KPI with that id (see sipstat kpi or kpi_catalog)", id)
		}
		t, pct, err := parseTargetRule(rule)
		if err != nil {
			return nil, fmt.Errorf("targets.%s: %q: %w", id, rule, err)
		}
		unit := k.Unit
		if !known {
			switch {
			case strings.HasSuffix(id, "_top_box_share"):
				unit = UnitShare
			case strings.HasSuffix(id, "_mean"):
				unit = UnitMean
			default:
				unit = UnitIndex
			}
		}
		if pct {
			if unit != UnitShare {
				return nil, fmt.Errorf("targets.%s: %q: a per cent level is for a share, this KPI's unit is %s", id, rule, unit)
			}
			t.Level /= 100
		}
		if unit == UnitShare && (t.Level < 0 || t.Level > 1) {
			return nil, fmt.Errorf("targets.%s: %q: a share's level is 0…1 (e.g. \">= 0.80\") or a per cent (\">= 80 %%\")", id, rule)
		}
		if known {
			switch {
			case k.Direction == "higher" && t.Op == "<=":
				return nil, fmt.Errorf("targets.%s: %q: higher is better for this KPI, so its target is \">= level\"", id, rule)
			case k.Direction == "lower" && t.Op == ">=":
				return nil, fmt.Errorf("targets.%s: %q: lower is better for this KPI, so its target is \"<= level\"", id, rule)
			}
		}
		out[id] = t
	}
	return out, nil
}

// parseTargetRule parses ">= 0.80", "<=14", "≥ 80 %", ">= 0,8".
func parseTargetRule(rule string) (Target, bool, error) {
	r := strings.TrimSpace(rule)
	var t Target
	switch {
	case strings.HasPrefix(r, ">="):
		t.Op, r = ">=", r[2:]
	case strings.HasPrefix(r, "<="):
		t.Op, r = "<=", r[2:]
	case strings.HasPrefix(r, "≥"):
		t.Op, r = ">=", strings.TrimPrefix(r, "≥")
	case strings.HasPrefix(r, "≤"):
		t.Op, r = "<=", strings.TrimPrefix(r, "≤")
	default:
		return t, false, errors.New(`want ">= level" or "<= level", e.g. ">= 0.80"`)
	}
	r = strings.TrimSpace(r)
	pct := strings.HasSuffix(r, "%")
	r = strings.TrimSpace(strings.TrimSuffix(r, "%"))
	x, err := strconv.ParseFloat(strings.Replace(r, ",", ".", 1), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return t, false, errors.New(`the level is not a number; want ">= level" or "<= level", e.g. ">= 0.80"`)
	}
	t.Level = x
	return t, pct, nil
}

// catalogByID is the embedded catalogue's KPIs (without targets) by id.
func catalogByID() map[string]KPI {
	kpis := map[string]KPI{}
	for _, k := range catalogKPIsRaw() {
		kpis[k.ID] = k
	}
	return kpis
}

// DefaultSettings are the defaults of kpis.md.
func DefaultSettings() Settings {
	return Settings{
		RegionName:                 "",
		MeetingTargetDays:          21,
		MeetingTargetDaysByContext: map[string]int{},
		MeetingTargetDaysChildren:  0,
		FollowUpToleranceDays:      14,
		ConsentValidityDays:        365,
		DischargeSummonsDays:       3,
		SmallNumberThreshold:       5,
		ChildConsentRule:           "both_guardians",
	}
}

// LoadSettings reads a TOML settings file over the defaults: keys absent from
// the file keep their default. An unknown key is an error naming the key.
func LoadSettings(path string) (Settings, error) {
	s := DefaultSettings()
	b, err := os.ReadFile(path)
	if err != nil {
		return s, fmt.Errorf("settings: %w", err)
	}
	md, err := toml.Decode(string(b), &s)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return s, fmt.Errorf("settings %s:%d:%d: %s", path, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return s, fmt.Errorf("settings %s: %w", path, err)
	}
	if undec := md.Undecoded(); len(undec) > 0 {
		keys := make([]string, len(undec))
		for i, k := range undec {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return s, fmt.Errorf("settings %s: unknown key %s", path, strings.Join(keys, ", "))
	}
	if s.MeetingTargetDaysByContext == nil {
		s.MeetingTargetDaysByContext = map[string]int{}
	}
	if err := s.Validate(); err != nil {
		return s, fmt.Errorf("settings %s: %w", path, err)
	}
	return s, nil
}

// Validate checks ranges and codes.
func (s Settings) Validate() error {
	pos := []struct {
		key string
		v   int
	}{
		{"meeting_target_days", s.MeetingTargetDays},
		{"follow_up_tolerance_days", s.FollowUpToleranceDays + 1},
		{"consent_validity_days", s.ConsentValidityDays},
		{"discharge_summons_days", s.DischargeSummonsDays + 1},
		{"small_number_threshold", s.SmallNumberThreshold},
	}
	for _, p := range pos {
		if p.v <= 0 {
			return fmt.Errorf("%s: must be positive", p.key)
		}
	}
	if s.MeetingTargetDaysChildren < 0 {
		return fmt.Errorf("meeting_target_days_children: must be positive (or 0 for no override)")
	}
	for ctx, d := range s.MeetingTargetDaysByContext {
		if !contains(contract.Context.Values(), ctx) {
			return fmt.Errorf("meeting_target_days_by_context: %q is not a context (want one of %s)", ctx, strings.Join(contract.Context.Values(), ", "))
		}
		if d <= 0 {
			return fmt.Errorf("meeting_target_days_by_context.%s: must be positive", ctx)
		}
	}
	switch s.ChildConsentRule {
	case "both_guardians", "any_guardian":
	default:
		return fmt.Errorf("child_consent_rule: %q, want both_guardians or any_guardian", s.ChildConsentRule)
	}
	if _, err := s.ParseTargets(); err != nil {
		return err
	}
	kpis := catalogByID()
	for _, id := range slices.Sorted(maps.Keys(s.ObservationWindowDays)) {
		if _, known := kpis[id]; !known && !strings.HasPrefix(id, "survey_") {
			return fmt.Errorf("observation_window_days.%s: no KPI with that id", id)
		}
		if s.ObservationWindowDays[id] < 0 {
			return fmt.Errorf("observation_window_days.%s: must be 0 or more days", id)
		}
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
