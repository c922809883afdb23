package suppress

import "testing"

func cells(ns ...int64) []*Cell {
	out := make([]*Cell, len(ns))
	for i, n := range ns {
		out[i] = &Cell{N: n}
	}
	return out
}

func hidden(cs []*Cell) []bool {
	out := make([]bool, len(cs))
	for i, c := range cs {
		out[i] = c.Hidden
	}
	return out
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		total int64
		ns    []int64
		want  []bool
	}{
		{"nothing small shows everything", 60, []int64{20, 30, 10}, []bool{false, false, false}},
		{"zero is shown", 50, []int64{0, 30, 20}, []bool{false, false, false}},
		{"one small cell hides the next smallest too", 56, []int64{3, 30, 8, 15}, []bool{true, false, true, false}},
		{"two small cells need no complement", 40, []int64{3, 2, 35}, []bool{true, true, false}},
		{"the threshold itself is shown", 45, []int64{5, 40}, []bool{false, false}},
		{"a zero cell is no complement", 34, []int64{4, 0, 30}, []bool{true, false, true}},
		{"a hidden total needs no complement", 4, []int64{3, 1}, []bool{true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := cells(tt.ns...)
			total := &Cell{N: tt.total}
			Apply(total, cs, DefaultThreshold)
			got := hidden(cs)
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("hidden = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestNoSingleHiddenCell checks the property the rule exists for: after
// Apply, a shown total never has exactly one hidden non-zero cell.
func TestNoSingleHiddenCell(t *testing.T) {
	for a := int64(0); a < 12; a++ {
		for b := int64(0); b < 12; b++ {
			for c := int64(0); c < 12; c++ {
				cs := cells(a, b, c)
				total := &Cell{N: a + b + c}
				Apply(total, cs, DefaultThreshold)
				if total.Hidden {
					continue
				}
				n := 0
				for _, x := range cs {
					if x.Hidden && x.N > 0 {
						n++
					}
				}
				if n == 1 {
					t.Fatalf("cells %d,%d,%d: exactly one hidden cell under a shown total", a, b, c)
				}
			}
		}
	}
}
