package main

import (
	"bytes"
	"testing"

	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
)

// TestKPICSVColumns pins the public CSV of `sipstat kpi` byte for byte: a
// value, a suppressed one, one without data, and a count, written by hand.
func TestKPICSVColumns(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	values := []transform.Value{
		{KPIID: "coverage", Breakdown: "total", Value: f(0.5), Numerator: f(1), Denominator: f(2), N: 2,
			Status: "met", Trend: "better", ReferenceValue: f(0.4)},
		{KPIID: "coverage", Breakdown: "municipality", Group: "0180", Suppressed: true, N: 3, Preliminary: true,
			Status: "none", Trend: "none"},
		{KPIID: "survey_q1", Breakdown: "total", NoData: true, Status: "none", Trend: "none"},
		{KPIID: "meetings_held", Breakdown: "age_band", Group: "0-12", Value: f(1234), N: 1234, Excluded: 1,
			Preliminary: true, Status: "none", Trend: "unchanged", ReferenceValue: f(0.333333333333333)},
	}
	var b bytes.Buffer
	if err := writeKPIs(&b, queries.FormatCSV, values, nil); err != nil {
		t.Fatal(err)
	}
	want := `kpi_id,breakdown,group,value,numerator,denominator,n,suppressed,preliminary,status,trend,reference_value
coverage,total,,0.5,1,2,2,false,false,met,better,0.4
coverage,municipality,0180,..,..,..,..,true,true,none,none,
survey_q1,total,,-,,,,false,false,none,none,
meetings_held,age_band,0-12,1234,,,1234,false,true,none,unchanged,0.333333333333333
`
	if b.String() != want {
		t.Errorf("kpi CSV =\n%s\nwant\n%s", b.String(), want)
	}
}
