package transform

import (
	"strconv"
	"testing"
)

// TestBuildBasic: on the basic and families fixtures, which together
// exercise every family, each catalogued KPI has a total row, and each one
// computed from delivered tables has units (n > 0) in some quarter (the
// user audit: only the dimensions the fixtures ask about) — a KPI
// that Build leaves out, or computes over no units, fails here.
func TestBuildBasic(t *testing.T) {
	_, ix := fixtureValues(t, DefaultSettings(), "basic", "families")
	ks := Catalog()
	if len(ks) < 50 {
		t.Fatalf("only %d KPIs in the catalogue", len(ks))
	}
	total, units := map[string]bool{}, map[string]bool{}
	for _, v := range ix {
		if v.Breakdown == "total" {
			total[v.KPIID] = true
			units[v.KPIID] = units[v.KPIID] || v.N > 0 || v.NoData
		}
	}
	for _, k := range ks {
		switch {
		case !total[k.ID]:
			t.Errorf("%s: no total row", k.ID)
		case !units[k.ID] && k.Family != "survey":
			t.Errorf("%s: no units in any quarter of the fixtures", k.ID)
		}
	}
}

func fmtF(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
