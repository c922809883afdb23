package transform

import (
	_ "embed"
	"fmt"
	"sort"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/sipstat/sipstat/contract"
)

//go:embed catalog.toml
var catalogTOML string

// catalogEntry is one [[kpi]] of catalog.toml.
type catalogEntry struct {
	ID           string   `toml:"id"`
	Family       string   `toml:"family"`
	NameSV       string   `toml:"name_sv"`
	NameEN       string   `toml:"name_en"`
	Unit         Unit     `toml:"unit"`
	Direction    string   `toml:"direction"`
	Target       *float64 `toml:"target"`
	TargetOp     string   `toml:"target_op"`
	TargetSource string   `toml:"target_source"`
	DefinitionSV string   `toml:"definition_sv"`
	DefinitionEN string   `toml:"definition_en"`
	Breakdowns   []string `toml:"breakdowns"`
	Requires     []string `toml:"requires"`
	// ReferenceLineSetting is the settings key drawn as a reference line.
	ReferenceLineSetting string `toml:"reference_line_setting"`
	// ObservationWindowDays (or the settings key ObservationWindowSetting)
	// is the KPI's observation window W of kpis.md; 0 when neither is set.
	ObservationWindowDays    int    `toml:"observation_window_days"`
	ObservationWindowSetting string `toml:"observation_window_setting"`
	PointInTime              bool   `toml:"point_in_time"`
	// Headline marks the ≈8 headline KPIs of a steering summary.
	Headline bool `toml:"headline"`
	// Detail is true for a KPI that details another (breakdown-only KPIs,
	// the box plot's quartiles).
	Detail bool `toml:"detail"`
}

// Label is one label of the catalogue: a code of a kind (family, breakdown,
// unit, direction, status, trend, group:<breakdown>) in Swedish and English.
// Its JSON names are the columns of kpi_labels (ref/label.sql).
type Label struct {
	Kind string `json:"kind"`
	Code string `json:"code"`
	SV   string `json:"label_sv"`
	EN   string `json:"label_en"`
}

// DQRule is a data-quality rule: the rows of Table that break it are those
// for which Where (a SQL condition on the table's row t) holds
// (sql/dq/rule.sql), or, for a rule without Where, those sql/dq/<ID>.sql
// returns.
// Its JSON names are the columns of dq_rules (catalog/dq_rule.sql).
type DQRule struct {
	ID    string `toml:"id" json:"rule_id"`
	Table string `toml:"table" json:"table_name"`
	Where string `toml:"where" json:"-"`
	// KPIInput: a KPI's values or control charts read the rule's flags
	// (sql/kpi, sql/assemble, sql/compare name its id), so a municipality
	// scope computes it too; TestKPIInputIsTheRulesKPIsRead keeps it true.
	KPIInput      bool   `toml:"kpi_input" json:"-"`
	DescriptionSV string `toml:"description_sv" json:"description_sv"`
	DescriptionEN string `toml:"description_en" json:"description_en"`
}

type catalogFile struct {
	KPI    []catalogEntry                  `toml:"kpi"`
	DQRule []DQRule                        `toml:"dq_rule"`
	Labels map[string]map[string][2]string `toml:"labels"`
}

// Directions are the values of a KPI's direction.
var Directions = []string{"higher", "lower", "neutral"}

// The breakdown shorthands of catalog.toml.
var breakdownSets = map[string][]string{
	"@sip":       {"region", "municipality", "context", "target_group", "age_band", "sex"},
	"@meeting":   {"region", "municipality", "context", "target_group", "age_band", "sex", "mode"},
	"@discharge": {"region", "municipality", "care_type", "age_band", "sex"},
}

// Breakdowns lists every breakdown name in display order; "total" first.
var Breakdowns = []string{
	"total", "region", "municipality", "context", "target_group", "age_band", "sex",
	"initiated_by", "org_type", "mode", "category", "reported_by_org", "concerns_org",
	"closure_reason", "care_type", "respondent",
}

// surveyTables are the optional tables every user-audit KPI needs.
var surveyTables = []string{"survey_questions", "survey_responses", "survey_answers"}

// surveyBreakdowns are the breakdowns of every user-audit KPI.
var surveyBreakdowns = []string{"region", "municipality", "respondent"}

var (
	catalogOnce    sync.Once
	catalogEntries []catalogEntry
	catalogKPIs    []KPI
	headlineKPIs   map[string]bool
	dqRules        []DQRule
	catalogLabels  []Label
	catalogErr     error
)

func loadCatalog() {
	var f catalogFile
	md, err := toml.Decode(catalogTOML, &f)
	if err != nil {
		catalogErr = fmt.Errorf("catalog.toml: %w", err)
		return
	}
	if undec := md.Undecoded(); len(undec) > 0 {
		catalogErr = fmt.Errorf("catalog.toml: unknown key %s", undec[0])
		return
	}
	seen := map[string]bool{}
	for _, e := range f.KPI {
		if seen[e.ID] {
			catalogErr = fmt.Errorf("catalog.toml: kpi %s defined twice", e.ID)
			return
		}
		seen[e.ID] = true
		if !contains(Directions, e.Direction) {
			catalogErr = fmt.Errorf("catalog.toml: kpi %s: direction %q, want higher, lower or neutral", e.ID, e.Direction)
			return
		}
		var bd []string
		for _, b := range e.Breakdowns {
			if set, ok := breakdownSets[b]; ok {
				bd = append(bd, set...)
			} else {
				bd = append(bd, b)
			}
		}
		e.Breakdowns = bd
		catalogEntries = append(catalogEntries, e)
	}
	catalogEntries = append(catalogEntries, surveyDimensionEntries()...)
	// The labels, in a fixed order (kind, then the file's order is lost
	// in the TOML map: by code).
	kinds := make([]string, 0, len(f.Labels))
	for k := range f.Labels {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		codes := make([]string, 0, len(f.Labels[kind]))
		for c := range f.Labels[kind] {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		k := kind
		if k == "age_band" {
			k = "group:age_band"
		}
		for _, c := range codes {
			l := f.Labels[kind][c]
			catalogLabels = append(catalogLabels, Label{Kind: k, Code: c, SV: l[0], EN: l[1]})
		}
	}
	label := func(kind, code string) [2]string {
		if l, ok := f.Labels[kind][code]; ok {
			return l
		}
		return [2]string{code, code}
	}
	headlineKPIs = map[string]bool{}
	for i, e := range catalogEntries {
		if _, ok := f.Labels["family"][e.Family]; !ok {
			catalogErr = fmt.Errorf("catalog.toml: kpi %s: family %q has no [labels.family] entry", e.ID, e.Family)
			return
		}
		headlineKPIs[e.ID] = !e.Detail
		fam, unit := label("family", e.Family), label("unit", string(e.Unit))
		catalogKPIs = append(catalogKPIs, KPI{
			ID: e.ID, Family: e.Family, NameSV: e.NameSV, NameEN: e.NameEN,
			Unit: e.Unit, Direction: e.Direction, Target: e.Target, TargetOp: e.TargetOp,
			TargetSource: e.TargetSource, DefinitionSV: e.DefinitionSV, DefinitionEN: e.DefinitionEN,
			Breakdowns: e.Breakdowns, Requires: e.Requires, Order: (i + 1) * 10,
			ObservationWindowDays: e.ObservationWindowDays, PointInTime: e.PointInTime,
			Headline: e.Headline, Detail: e.Detail,
			FamilySV: fam[0], FamilyEN: fam[1], UnitSV: unit[0], UnitEN: unit[1],
		})
	}
	dqRules = f.DQRule
}

// Labels returns the catalogue's labels of families, breakdowns, units,
// directions, statuses, trends and age bands (kind group:age_band); Build
// adds the groups of the code lists and of SCB's regions and municipalities
// in kpi_labels.
func Labels() []Label {
	catalogOnce.Do(loadCatalog)
	return append([]Label(nil), catalogLabels...)
}

// surveyDimensionEN names the user audit's dimensions in English for the
// definitions (the contract labels them in Swedish only).
var surveyDimensionEN = map[string]string{
	"information":    "Information",
	"participation":  "Participation",
	"coordination":   "Coordination between the actors",
	"meaningfulness": "Meaningfulness",
	"treatment":      "Treatment",
	"outcome":        "Outcome",
	"overall":        "Overall assessment",
}

// surveyDimensionEntries generates the dimension rows of the user audit:
// for each dimension of the contract an index, a mean and a top-box share.
func surveyDimensionEntries() []catalogEntry {
	var out []catalogEntry
	for _, c := range contract.SurveyDimension.Codes {
		en := surveyDimensionEN[c.Code]
		if en == "" {
			en = c.Label
		}
		out = append(out, surveyEntries("survey_dim_"+c.Code,
			"Brukarrevision, "+c.Label, "User audit, dimension "+c.Code,
			"alla frågor i dimensionen "+c.Label, "all questions of the dimension "+en)...)
	}
	return out
}

// surveyEntries returns the three KPIs of one survey question or dimension.
// The same texts are built in SQL for the questions delivered
// (sql/catalog/survey_questions.sql); keep them in step.
func surveyEntries(id, nameSV, nameEN, overSV, overEN string) []catalogEntry {
	base := catalogEntry{Family: "survey", Breakdowns: surveyBreakdowns, Requires: surveyTables}
	idx, mean, top := base, base, base
	// The summary shows the index; the mean and top-box share detail it.
	mean.Detail, top.Detail = true, true
	idx.ID, idx.Unit, idx.Direction = id, UnitIndex, "higher"
	idx.NameSV, idx.NameEN = nameSV+" (index 0–100)", nameEN+" (index 0–100)"
	idx.DefinitionSV = "Medelvärdet av svaren under perioden på " + overSV + ", där varje svar räknats om linjärt så att skalans lägsta värde blir 0 och högsta 100 (SKR:s konvention). Svaren vet ej och inget svar räknas inte."
	idx.DefinitionEN = "Mean of the answers in the period to " + overEN + ", each rescaled linearly so that the scale's lowest value is 0 and its highest 100 (SKR's convention). Don't know and no answer are left out."
	mean.ID, mean.Unit, mean.Direction = id+"_mean", UnitMean, "higher"
	mean.NameSV, mean.NameEN = nameSV+" (medelvärde)", nameEN+" (mean)"
	mean.DefinitionSV = "Medelvärdet av svaren under perioden på " + overSV + ", på frågans egen skala. Svaren vet ej och inget svar räknas inte."
	mean.DefinitionEN = "Mean of the answers in the period to " + overEN + ", on the question's own scale. Don't know and no answer are left out."
	top.ID, top.Unit, top.Direction = id+"_top_box_share", UnitShare, "higher"
	top.NameSV, top.NameEN = nameSV+" (andel de två bästa stegen)", nameEN+" (top-box share)"
	top.DefinitionSV = "Andelen svar under perioden på " + overSV + " som ligger på skalans två bästa steg (högsta värdet eller det näst högsta). Svaren vet ej och inget svar räknas inte."
	top.DefinitionEN = "Share of the answers in the period to " + overEN + " on the scale's two best steps (the highest value or the one below it). Don't know and no answer are left out."
	return []catalogEntry{idx, mean, top}
}

// Catalog returns the embedded KPI catalogue in report order, with targets
// that come from a setting resolved by the default settings. The per-question
// user-audit KPIs depend on the data: read them with LoadCatalog.
func Catalog() []KPI { return CatalogWith(DefaultSettings()) }

// CatalogWith returns the catalogue with the setting-dependent parts taken
// from s: reference lines, observation windows (with the overrides of
// [observation_window_days]) and the target levels of [targets]. Settings
// for a per-question survey KPI (not in the embedded catalogue) are applied
// by Build. s must have been validated.
func CatalogWith(s Settings) []KPI {
	catalogOnce.Do(loadCatalog)
	if catalogErr != nil {
		// The catalogue is embedded and checked by TestCatalog; a broken
		// file is a programming error.
		panic(catalogErr)
	}
	targets, _ := s.ParseTargets()
	out := make([]KPI, len(catalogKPIs))
	for i, k := range catalogKPIs {
		e := catalogEntries[i]
		if rs := e.ReferenceLineSetting; rs != "" {
			v := settingValue(s, rs)
			k.ReferenceLine = &v
		}
		if ws := e.ObservationWindowSetting; ws != "" {
			k.ObservationWindowDays = int(settingValue(s, ws))
		}
		if w, ok := s.ObservationWindowDays[k.ID]; ok {
			k.ObservationWindowDays = w
		}
		if t, ok := targets[k.ID]; ok {
			v := t.Level
			k.Target, k.TargetOp, k.TargetSource = &v, t.Op, TargetSourceSettings
		}
		k.Breakdowns = append([]string(nil), k.Breakdowns...)
		k.Requires = append([]string(nil), k.Requires...)
		out[i] = k
	}
	return out
}

// catalogKPIsRaw is the embedded catalogue before the settings apply.
func catalogKPIsRaw() []KPI {
	catalogOnce.Do(loadCatalog)
	if catalogErr != nil {
		panic(catalogErr)
	}
	return catalogKPIs
}

// IsHeadline reports whether k is a headline KPI, one the summary of a
// report lists: every KPI of the catalogue except those marked
// headline = false in catalog.toml (breakdown-only KPIs, the lead-time
// quartiles of the box plot) and the user audit's means and top-box shares.
// The per-question user-audit KPIs (survey_<question_id>, added by Build from
// the data) are not headline KPIs: the dimension indices sum them up.
func (k KPI) IsHeadline() bool {
	catalogOnce.Do(loadCatalog)
	return headlineKPIs[k.ID]
}

// DQRules returns the data-quality rules in catalogue order.
func DQRules() []DQRule {
	catalogOnce.Do(loadCatalog)
	return append([]DQRule(nil), dqRules...)
}

// settingValue is the numeric value of a settings key used as a target.
func settingValue(s Settings, key string) float64 {
	switch key {
	case "meeting_target_days":
		return float64(s.MeetingTargetDays)
	case "follow_up_tolerance_days":
		return float64(s.FollowUpToleranceDays)
	case "consent_validity_days":
		return float64(s.ConsentValidityDays)
	case "discharge_summons_days":
		return float64(s.DischargeSummonsDays)
	}
	panic("catalog.toml: unknown target_setting " + key)
}
