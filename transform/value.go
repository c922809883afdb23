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
	Direction    string   // "higher", "lower" or "none": which way is better
	Target       *float64 // in the value's unit (a share target is 0…1); nil = no target
	TargetSource string   // where the target comes from (setting or guidance)
	DefinitionSV string
	DefinitionEN string
	Breakdowns   []string // breakdowns computed besides "total"
	Requires     []string // optional contract tables it needs; absent → no data
	Order        int      // position in reports
}

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
}

// Filter selects values from kpi_values. Empty slices select everything.
type Filter struct {
	Periods    []string
	KPIIDs     []string
	Breakdowns []string
}
