package transform

import "testing"

func TestSuppressValues(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	vals := []Value{
		{Period: "2026Q3", KPIID: "needs_detected", Breakdown: "total", Value: f(40), N: 40},
		{Period: "2026Q3", KPIID: "needs_detected", Breakdown: "municipality", Group: "0180", Value: f(3), N: 3},
		{Period: "2026Q3", KPIID: "needs_detected", Breakdown: "municipality", Group: "0181", Value: f(30), N: 30},
		{Period: "2026Q3", KPIID: "needs_detected", Breakdown: "municipality", Group: "0182", Value: f(7), N: 7},
		{Period: "2026Q3", KPIID: "needs_detected", Breakdown: "context", Group: "discharge", Value: f(40), N: 40},
	}
	Suppress(vals, 5)
	want := []bool{false, true, false, true, false}
	for i, v := range vals {
		if v.Suppressed != want[i] {
			t.Errorf("%s %s: suppressed = %v, want %v", v.Breakdown, v.Group, v.Suppressed, want[i])
		}
		if v.Suppressed && v.Value != nil {
			t.Errorf("%s %s: suppressed value still set", v.Breakdown, v.Group)
		}
	}
}
