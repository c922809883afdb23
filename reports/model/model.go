// Package model is the data of one quarterly report: every figure the Excel
// workbook (reports/xlsx) and the HTML report (reports/html) show, already
// through the small-number rule. It reads the KPI catalogue and its values
// from transform and the load/data-quality tables from the database; it never
// computes a KPI itself, so both writers show exactly what `kpi --suppress`
// prints for the same period.
package model

import (
	"math"
	"time"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/transform/suppress"
)

// Report is everything one report shows, in display order.
type Report struct {
	Meta Meta
	// Families are the KPI families in catalogue order, each with its KPIs.
	Families []Family
	// KPIs is the whole catalogue in catalogue order (the same pointers as in
	// Families).
	KPIs []*KPI
	// Attendance is summoned attendance by organisation type × quarter.
	Attendance Matrix
	// Absence is summoned absence ("uteblev") by organisation type × quarter.
	Absence Matrix
	// GoalsByQuarter is goal attainment (achieved, partly, not) × quarter.
	GoalsByQuarter Matrix
	// GoalsByMunicipality is goal attainment × municipality for the period.
	GoalsByMunicipality Matrix
	// Deviations is deviations by category × quarter.
	Deviations Matrix
	// Survey is the user audit's index by dimension × respondent for the period.
	Survey Matrix
	// Funnel is the process from need to closure for the period.
	Funnel []FunnelStep
	// FunnelPlots are the municipality comparisons of the shares against
	// the region with control limits (kpi_funnel), one per KPI; empty when
	// the database has none.
	FunnelPlots []FunnelPlot
	// SPC are the monthly p-charts of the key shares (kpi_spc).
	SPC []SPCChart
	// Labels are the catalogue's Swedish and English labels (kpi_labels).
	Labels Labels
	// Mapping answers the mapping assignment's questions (kpis.md, last section).
	Mapping []Question
	// Quality is the data quality of the load behind the report.
	Quality Quality
	// Published is every catalogue value of the period after the
	// small-number rule, ordered by KPI (catalogue order), breakdown (total
	// first) and group: the long table a detail sheet lists and tests
	// compare with. (The trend's earlier quarters are read only in the
	// breakdowns the report shows for them; see trendBreakdowns.)
	Published []transform.Value
}

// Meta describes the report.
type Meta struct {
	Period transform.Period
	// Trend is the 8 quarters up to and including Period, oldest first.
	Trend []transform.Period
	// AsOf is the as-of date the KPI values were computed with.
	AsOf time.Time
	// Sources are the extracts loaded into the database.
	Sources []Source
	// RegionCode and RegionName name the county (län) the data covers.
	RegionCode string
	RegionName string
	// Municipality is the kommunkod of a per-municipality report, "" for the
	// whole region; MunicipalityName is its SCB name.
	Municipality     string
	MunicipalityName string
	// Created is when the report was made.
	Created time.Time
	// Threshold is the small-number threshold applied (counts 1 … Threshold-1
	// and shares over fewer than Threshold units are shown as "..").
	Threshold int
}

// Scope is the report's subject: the region name, or the municipality's name.
func (m Meta) Scope() string {
	if m.Municipality != "" {
		return m.MunicipalityName
	}
	return m.RegionName
}

// Source is one loaded extract (load_sources).
type Source struct {
	Name            string
	RegionCode      string
	ContractVersion string
	ExtractedAt     time.Time
	LoadedAt        time.Time
}

// Family is one KPI family (one sheet of the workbook).
type Family struct {
	ID     string // the catalogue's family id, e.g. "lead_times"
	NameSV string // e.g. "Ledtider"
	NameEN string
	KPIs   []*KPI
}

// Status is a value's standing against its target.
type Status string

const (
	StatusMet        Status = "met"
	StatusNotMet     Status = "not_met"
	StatusNoTarget   Status = "no_target"
	StatusNoData     Status = "no_data"
	StatusSuppressed Status = "suppressed"
	// StatusPreliminary: a preliminary value is never judged.
	StatusPreliminary Status = "preliminary"
)

// LabelSV is the status in Swedish for the report.
func (s Status) LabelSV() string {
	switch s {
	case StatusMet:
		return "Uppfyllt"
	case StatusNotMet:
		return "Ej uppfyllt"
	case StatusNoTarget:
		return "Inget mål"
	case StatusNoData:
		return "Uppgift saknas"
	case StatusSuppressed:
		return "För få"
	case StatusPreliminary:
		return "Preliminärt"
	}
	return string(s)
}

// LabelEN is the status in English.
func (s Status) LabelEN() string {
	switch s {
	case StatusMet:
		return "Met"
	case StatusNotMet:
		return "Not met"
	case StatusNoTarget:
		return "No target"
	case StatusNoData:
		return "No data"
	case StatusSuppressed:
		return "Too few"
	case StatusPreliminary:
		return "Preliminary"
	}
	return string(s)
}

// KPI is one catalogue entry with its figures.
type KPI struct {
	transform.KPI
	// Headline KPIs go on the summary sheet; per-question survey KPIs and
	// breakdown-only KPIs do not.
	Headline bool
	// Current, Previous and YearAgo are the total (or the municipality's
	// figure in a municipality report) for the period, the quarter before and
	// the same quarter a year earlier.
	Current  Figure
	Previous Figure
	YearAgo  Figure
	// RegionTotal is the whole region's figure for the period (the same as
	// Current in a region report).
	RegionTotal Figure
	Status      Status
	// Steering marks the headline KPIs of the one-page steering summary
	// (the catalogue's headline flag).
	Steering bool
	// Reference is the figure Current is read against: the region's value
	// in a municipality report, the nation's in a region report when the
	// database holds every region; not Shown otherwise.
	Reference Figure
	// Change is Current against the same quarter a year earlier, judged
	// with the KPI's direction: better, worse, unchanged (within random
	// variation) or none.
	Change string
	// Final is the latest figure of the trend that is not preliminary, and
	// FinalPeriod its quarter: what a status or comparison is made on.
	Final       Figure
	FinalPeriod string
	// Trend is the figure for each quarter of Meta.Trend, oldest first.
	Trend []Point
	// Breakdowns are the KPI's breakdowns for the period, in catalogue order.
	// In a municipality report the breakdowns other than "municipality" are
	// the whole region's (the catalogue does not cross them with municipality).
	Breakdowns []Breakdown
}

// Breakdown returns the named breakdown, or nil.
func (k *KPI) Breakdown(name string) *Breakdown {
	for i := range k.Breakdowns {
		if k.Breakdowns[i].Name == name {
			return &k.Breakdowns[i]
		}
	}
	return nil
}

// Figure is one published number. Value is nil when the figure is suppressed,
// when there is no data, or when there was nothing to compute; it is never
// NaN or ±Inf.
type Figure struct {
	Value       *float64
	Numerator   *float64
	Denominator *float64
	// N is the number of units behind the figure (kept when suppressed, for
	// sorting; never printed for a suppressed figure).
	N int64
	// Excluded is the units left out because of a data-quality flag.
	Excluded   int64
	Suppressed bool
	NoData     bool
	// NotApplicable is a figure with nothing to measure: the catalogue has
	// the row but no units behind it (an organisation type never summoned,
	// a share of a municipality with no needs). Kolada shows it as ".".
	NotApplicable bool
	// Preliminary is true while the period's outcome can still change
	// (kpis.md, "Preliminary values"); such a value is marked "prel.",
	// drawn hollow or dashed, and never judged.
	Preliminary bool
}

// Mark is the text shown instead of a number: ".." for a suppressed figure,
// "-" for no data or nothing to compute, "" when Value is shown.
func (f Figure) Mark() string {
	switch {
	case f.Suppressed:
		return suppress.Mark
	case f.Value == nil && f.NotApplicable:
		return MarkNotApplicable
	case f.Value == nil:
		return suppress.NoData
	}
	return ""
}

// MarkNotApplicable is Kolada's mark for "not applicable": nothing to
// measure (no units), as opposed to "-" for data that are missing.
const MarkNotApplicable = "."

// Shown reports whether the figure has a number to show.
func (f Figure) Shown() bool { return f.Value != nil && !f.Suppressed }

// FigureOf turns a (suppressed) catalogue value into a Figure, clearing any
// NaN or ±Inf so no writer can print one.
func FigureOf(v transform.Value) Figure {
	f := Figure{
		Value:       finite(v.Value),
		Numerator:   finite(v.Numerator),
		Denominator: finite(v.Denominator),
		N:           v.N,
		Excluded:    v.Excluded,
		Suppressed:  v.Suppressed,
		NoData:      v.NoData,
		Preliminary: preliminary(v),
	}
	// The catalogue has the row but nothing was computed: no units.
	f.NotApplicable = f.Value == nil && !f.Suppressed && !f.NoData
	return f
}

func finite(p *float64) *float64 {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return nil
	}
	x := *p
	return &x
}

// Point is a figure of one quarter.
type Point struct {
	Period string
	Figure Figure
}

// Breakdown is one breakdown of a KPI for the period.
type Breakdown struct {
	Name   string // "municipality", "context", …
	Label  string // Swedish heading, e.g. "Kommun"
	Groups []Group
}

// Group is one group of a breakdown.
type Group struct {
	Code   string // the group's code (kommunkod, code value); never a pseudonym
	Label  string // Swedish label
	Figure Figure
}

// Matrix is a table of figures: rows × columns, with one unit.
type Matrix struct {
	TitleSV string
	TitleEN string
	Unit    transform.Unit
	// KPIIDs are the catalogue KPIs the cells come from.
	KPIIDs []string
	// RowHeading and ColumnHeading name the dimensions (Swedish).
	RowHeading    string
	ColumnHeading string
	Columns       []string // column labels (quarters, respondents, municipalities)
	Rows          []MatrixRow
}

// MatrixRow is one row of a Matrix.
type MatrixRow struct {
	Code  string
	Label string
	Cells []Figure // one per column
}

// FunnelStep is one step of the SIP process for the period.
type FunnelStep struct {
	Step   string // need, consent, invitation, meeting, follow_up, closure
	NameSV string
	NameEN string
	// KPIID is the catalogue KPI the count comes from; "" when the catalogue
	// has no KPI for this step (Figure is then "no data").
	KPIID  string
	Figure Figure
}

// Question is one question of the mapping assignment with the figures that
// answer it.
type Question struct {
	ID      string
	TextSV  string
	TextEN  string
	Answers []Answer
	// FindingSV/EN say what the data show ("" when nothing answers).
	FindingSV, FindingEN string
	// OpenSV/EN say what the extract cannot answer ("" when it can).
	OpenSV, OpenEN string
}

// Finding is what the data show, in the language.
func (q Question) Finding(lang string) string {
	if lang == "en" {
		return q.FindingEN
	}
	return q.FindingSV
}

// Open is what the extract cannot answer, in the language.
func (q Question) Open(lang string) string {
	if lang == "en" {
		return q.OpenEN
	}
	return q.OpenSV
}

// Answer is one KPI (optionally one breakdown of it) bearing on a question.
type Answer struct {
	KPI *KPI
	// Breakdown is "" for the KPI's headline figure, else the breakdown shown.
	Breakdown string
	// Groups, when set, limits the breakdown to these group codes.
	Groups []string
}

// Rows returns the groups the answer shows, ordered by value: the
// selected groups of its breakdown, or nil for a headline answer.
func (a Answer) Rows() []Group {
	if a.Breakdown == "" || a.KPI == nil {
		return nil
	}
	b := a.KPI.Breakdown(a.Breakdown)
	if b == nil {
		return nil
	}
	if len(a.Groups) == 0 {
		return sortGroups(b.Groups)
	}
	var out []Group
	for _, code := range a.Groups {
		for _, g := range b.Groups {
			if g.Code == code {
				out = append(out, g)
			}
		}
	}
	return sortGroups(out)
}

// Quality is the data quality of the loaded extracts.
type Quality struct {
	Files    []FileLoad
	Rejects  []RejectCount
	Warnings []Warning
	Flags    []FlagCount
	// Excluded is, for every KPI in catalogue order, the units its period
	// total left out because of a data-quality flag.
	Excluded []ExcludedCount
}

// FileLoad is one delivered file (load_files).
type FileLoad struct {
	Source   string
	Table    string
	File     string
	Format   string
	Read     int64
	Loaded   int64
	Rejected int64
}

// RejectCount is the rejected rows of one file for one column and reason.
type RejectCount struct {
	Source string
	Table  string
	File   string
	Column string
	Reason string // as ingest wrote it (English), values masked
	Rows   int64
}

// Warning is one load warning (load_warnings).
type Warning struct {
	Source  string
	File    string
	Message string
}

// FlagCount is the rows one data-quality rule flagged.
type FlagCount struct {
	Rule        string
	Table       string
	Description string // Swedish
	// DescriptionEN is the rule in English.
	DescriptionEN string
	Rows          int64
}

// ExcludedCount is what one KPI left out in the period.
type ExcludedCount struct {
	KPIID    string
	NameSV   string
	Excluded int64
}

// FunnelPlot is one share by municipality against the region's share, with
// the 95 % and 99.8 % limits for each municipality's denominator.
type FunnelPlot struct {
	KPIID  string
	Period string
	Centre float64
	Points []FunnelPoint
}

// FunnelPoint is one municipality of a funnel plot.
type FunnelPoint struct {
	Code, Label            string
	Value                  float64
	Numerator, Denominator float64
	Lower95, Upper95       float64
	Lower998, Upper998     float64
	// Signal is true outside the 99.8 % limits.
	Signal bool
}

// SPCChart is one share by month with its p-chart limits.
type SPCChart struct {
	KPIID  string
	Points []SPCPoint
}

// SPCPoint is one month of a p-chart.
type SPCPoint struct {
	Month                  time.Time
	Value                  *float64
	Numerator, Denominator float64
	Centre, LCL, UCL       float64
	OutsideLimits          bool
	RunSignal              bool
	Preliminary            bool
	// Suppressed: the month's denominator is below the small-number
	// threshold; Value is nil (a gap).
	Suppressed bool
}
