package model

import "github.com/sipstat/sipstat/transform"

// This file reads what the catalogue judged about each value in the
// database (kpi_values: preliminary, status, trend, reference_value;
// kpi_catalog: headline). The reports never judge a value themselves.

// Change values (kpi_values.trend).
const (
	ChangeBetter    = transform.TrendBetter
	ChangeWorse     = transform.TrendWorse
	ChangeUnchanged = transform.TrendUnchanged
	ChangeNone      = transform.TrendNone
)

func preliminary(v transform.Value) bool { return v.Preliminary }

func changeOf(v transform.Value) string {
	if v.Trend == "" {
		return ChangeNone
	}
	return v.Trend
}

func referenceOf(v transform.Value) *float64 { return finite(v.ReferenceValue) }

// isSteering: the catalogue's headline flag (kpi_catalog.headline).
func isSteering(k transform.KPI) bool { return k.Headline }

// statusOf names the catalogue's status of a value for the report: met and
// not met as judged in the database; for "none", why there is none.
func statusOf(k transform.KPI, v transform.Value, found bool, f Figure) Status {
	switch {
	case found && v.Status == transform.StatusMet:
		return StatusMet
	case found && v.Status == transform.StatusNotMet:
		return StatusNotMet
	case f.Suppressed:
		return StatusSuppressed
	case f.Preliminary && k.Target != nil:
		return StatusPreliminary
	case f.Value == nil:
		return StatusNoData
	}
	return StatusNoTarget
}
