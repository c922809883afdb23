package transform_test

import (
	"path/filepath"
	"testing"

	"github.com/sipstat/sipstat/internal/pipelinetest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// TestReferenceValuesNational: in a database holding all 21 regions, a
// region's (and the total's) reference value is the nation's (the total)
// and a municipality's its region's (county = the first two digits of the
// kommunkod); in one region's database a region has none.
func TestReferenceValuesNational(t *testing.T) {
	ctx := t.Context()
	for _, tc := range []struct {
		counties []string
		national bool
	}{
		{[]string{"all"}, true},
		{[]string{"13"}, false},
	} {
		dir := filepath.Join(t.TempDir(), "extract")
		if _, err := sampledata.Generate(ctx, dir, sampledata.Options{SIPs: 2500, Seed: 3, FlawRate: 0, Counties: tc.counties}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "sipstat.duckdb")
		if err := pipelinetest.Load(ctx, path, dir, transform.DefaultSettings()); err != nil {
			t.Fatal(err)
		}
		db, err := warehouse.Open(ctx, path, warehouse.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		vs, err := transform.Values(ctx, db, transform.Filter{Breakdowns: []string{"total", "region", "municipality"}})
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		type key struct{ period, kpi, breakdown, group string }
		ix := map[key]transform.Value{}
		regions := map[string]bool{}
		for _, v := range vs {
			ix[key{v.Period, v.KPIID, v.Breakdown, v.Group}] = v
			if v.Breakdown == "region" {
				regions[v.Group] = true
			}
		}
		if tc.national && len(regions) != 21 {
			t.Fatalf("national sample has %d regions", len(regions))
		}
		checked := 0
		for _, v := range vs {
			var want *float64
			switch {
			case v.Breakdown == "municipality":
				want = ix[key{v.Period, v.KPIID, "region", v.Group[:2]}].Value
			case tc.national:
				want = ix[key{v.Period, v.KPIID, "total", ""}].Value
			}
			got := v.ReferenceValue
			if (got == nil) != (want == nil) || (got != nil && *got != *want) {
				t.Errorf("counties %v: %s %s %s %s: reference_value %v, want %v", tc.counties, v.Period, v.KPIID, v.Breakdown, v.Group, deref(got), deref(want))
				if checked++; checked > 10 {
					t.FailNow()
				}
			}
		}
	}
}

func deref(x *float64) any {
	if x == nil {
		return "none"
	}
	return *x
}
