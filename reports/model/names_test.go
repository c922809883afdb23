package model

import "testing"

// TestRegionOf: a report names the region its sources share, Riket for a
// national extract (SCB's 00), and says so when they cover several.
func TestRegionOf(t *testing.T) {
	for _, tc := range []struct {
		sources    []Source
		code, name string
	}{
		{[]Source{{Name: "a", RegionCode: "01"}}, "01", "Region Stockholm"},
		{[]Source{{Name: "a", RegionCode: "00"}}, "00", "Riket"},
		{[]Source{{Name: "a", RegionCode: "14"}, {Name: "b", RegionCode: "14"}}, "14", "Västra Götalandsregionen"},
		{[]Source{{Name: "a", RegionCode: "01"}, {Name: "b", RegionCode: "03"}}, "", "Flera regioner"},
		{[]Source{{Name: "Lifecare, Uppsala"}}, "", "Lifecare, Uppsala"},
		{[]Source{{Name: "a"}, {Name: "b"}}, "", "Flera källor"},
		{nil, "", ""},
	} {
		if code, name := regionOf(tc.sources); code != tc.code || name != tc.name {
			t.Errorf("regionOf(%v) = %q, %q; want %q, %q", tc.sources, code, name, tc.code, tc.name)
		}
	}
}
