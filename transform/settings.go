package transform

import (
	"errors"
	"fmt"
	"os"
	"sort"
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
