package transform

import "time"

// Unit says what a KPI value measures; it decides how the value is shown and
// which small-number rule applies.
type Unit string

const (
	UnitCount Unit = "count" // a number of units (SIPs, meetings, goals …)
	UnitShare Unit = "share" // numerator/denominator in 0…1; reports show per cent
	UnitDays  Unit = "days"  // a median or percentile of day counts
	UnitRate  Unit = "rate"  // per 10 000 inhabitants or per 100 meetings
	UnitIndex Unit = "index" // 0–100 (user audit)
	UnitMean  Unit = "mean"  // a mean on the question's own scale (user audit)
)

// IsCount reports whether the small-number rule applies to the value itself
// (counts 1–4 hidden) rather than to the number of units behind it.
func (u Unit) IsCount() bool { return u == UnitCount }

// KPI is one entry of the catalogue: the metadata every output reads.
type KPI struct {
	ID           string
	Family       string // e.g. "coverage", "lead_times", "attendance"
	NameSV       string
	NameEN       string
	Unit         Unit
	Direction    string   // "higher", "lower" or "neutral": which way is better
	Target       *float64 // a target level in the value's unit (a share target is 0…1); nil = no target
	TargetOp     string   // ">=" or "<=" with Target; "" without
	TargetSource string   // where the target comes from (the settings file)
	DefinitionSV string
	DefinitionEN string
	Breakdowns   []string // breakdowns computed besides "total"
	Requires     []string // optional contract tables it needs; absent → no data
	Order        int      // position in reports
	// ReferenceLine is a level drawn beside the values, not a target (the
	// 21 days of the median and p90 lead time); nil = none.
	ReferenceLine *float64
	// ObservationWindowDays is W of kpis.md: a value for a period P is
	// preliminary while end of P + W > the as-of date.
	ObservationWindowDays int
	// PointInTime is true for a count at the as-of date (followups_overdue):
	// one value, in the latest period, with no trend.
	PointInTime bool
	// Headline marks the ≈8 headline KPIs of a steering summary
	// (kpi_catalog.headline). Detail marks a KPI that details another
	// (IsHeadline is its negation).
	Headline, Detail bool
	// Labels of the family and the unit (kpi_labels).
	FamilySV, FamilyEN, UnitSV, UnitEN string
}

// TargetSourceSettings is the target_source of a target set in the
// settings file.
const TargetSourceSettings = "Inställningsfilen ([targets])"

// The values of Value.Status and Value.Trend.
const (
	StatusMet    = "met"
	StatusNotMet = "not_met"
	StatusNone   = "none"

	TrendBetter    = "better"
	TrendWorse     = "worse"
	TrendUnchanged = "unchanged"
	TrendNone      = "none"
)

// Value is one figure of the KPI catalogue: one KPI for one period, breakdown
// and group. Numerator and Denominator are nil where the KPI is not a share;
// Value is nil where there is nothing to compute (no units, or no data).
type Value struct {
	Period      string    // "2026Q3", or "2026-01-01..2026-06-30" for a date range
	PeriodStart time.Time // first day of the period
	PeriodEnd   time.Time // last day of the period (inclusive)
	KPIID       string
	Breakdown   string // "total", "region", "municipality", "context", …
	Group       string // the group's code; "" for the total
	GroupLabel  string // the group's Swedish label (municipality name, code label)
	Value       *float64
	Numerator   *float64
	Denominator *float64
	N           int64 // the number of units behind the value
	Excluded    int64 // units left out because of a data-quality flag
	NoData      bool  // an optional table the KPI needs was not delivered
	Suppressed  bool  // hidden by the small-number rule (set by Suppress)
	// Preliminary is true while the period's end + the KPI's observation
	// window is after the as-of date (kpis.md "Preliminary values").
	Preliminary bool
	// Status is met | not_met against the KPI's target, none without a
	// target, value, or for a preliminary (or suppressed) value.
	Status string
	// Trend is better | worse | unchanged against the same quarter a year
	// earlier (direction-aware; unchanged = within random variation,
	// p ≥ 0.05), none where there is no comparison.
	Trend string
	// ReferenceValue is the region's value beside a municipality's, the
	// nation's beside a region's (or the total) when the database holds all
	// regions; nil otherwise.
	ReferenceValue *float64
}

// Filter selects values from kpi_values. Empty slices select everything.
type Filter struct {
	Periods    []string
	KPIIDs     []string
	Breakdowns []string
}
