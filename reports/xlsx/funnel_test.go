package xlsx

import (
	"testing"

	"github.com/sipstat/sipstat/reports/model"
)

// TestFunnelRange pins the funnel plot's value axis on hand-worked points:
// the lowest lower 99.8 % limit or value, the highest upper limit or value,
// rounded outward to 5 % and clipped to 0–100 %.
func TestFunnelRange(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pts    []model.FunnelPoint
		lo, hi float64
	}{
		// lower limit 0.612 → 0.60, value 0.93 above the upper 0.918 → 0.95
		{"limits and a value outside", []model.FunnelPoint{
			{Value: 0.80, Lower998: 0.612, Upper998: 0.905},
			{Value: 0.93, Lower998: 0.700, Upper998: 0.918},
		}, 0.60, 0.95},
		// a value below every limit sets the bottom: 0.43 → 0.40; exact 0.85 stays
		{"value below the limits, exact step", []model.FunnelPoint{
			{Value: 0.43, Lower998: 0.70, Upper998: 0.85},
		}, 0.40, 0.85},
		// limits beyond 0 and 1 are clipped
		{"clipped", []model.FunnelPoint{
			{Value: 0.5, Lower998: -0.12, Upper998: 1.08},
		}, 0, 1},
		// a flat funnel gets 5 % either side: 0.70–0.75 → 0.65–0.80
		{"flat", []model.FunnelPoint{
			{Value: 0.72, Lower998: 0.71, Upper998: 0.74},
		}, 0.65, 0.80},
	} {
		lo, hi := funnelRange(tc.pts)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("%s: range %v–%v, want %v–%v", tc.name, lo, hi, tc.lo, tc.hi)
		}
	}
}

// TestSteeringRowHeight: a name that fits the 25-wide column (27
// characters) keeps two lines (name and family label); a longer one gets a
// line more, so its family label is not clipped.
func TestSteeringRowHeight(t *testing.T) {
	for name, want := range map[string]float64{
		"Närvaro bland kallade":              28, // 21 characters: 15 + 13
		"Andel av dessa med SIP-möte":        28, // 27: still one line
		"Andel behov som lett till SIP-möte": 43, // 34: two lines, 30 + 13
	} {
		if got := steeringRowHeight(name); got != want {
			t.Errorf("%q: row height %v, want %v", name, got, want)
		}
	}
}
