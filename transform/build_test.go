package transform

import (
	"context"
	"strconv"
	"testing"
)

func TestBuildBasic(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	vs, err := Values(context.Background(), db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d values", len(vs))
	for _, v := range vs {
		if v.Breakdown == "total" && v.Period == "2026Q3" {
			val := "nil"
			if v.Value != nil {
				val = fmtF(*v.Value)
			}
			t.Logf("%s %s %s n=%d ex=%d nodata=%v", v.Period, v.KPIID, val, v.N, v.Excluded, v.NoData)
		}
	}
}

func fmtF(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
