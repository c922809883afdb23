// Package suppress is the one implementation of the small-number rule of the
// KPI catalogue (kpis.md, "Small-number suppression"). `kpi --suppress`, the
// Excel and the HTML report and `query --suppress` all go through it.
//
// The rule: a count of 1 … threshold-1 is hidden; a share, mean or percentile
// with fewer than threshold units behind it is hidden; zero is shown. Where a
// cell of a breakdown is hidden and the breakdown's total is shown, the next
// smallest cell is hidden too, so the hidden one cannot be recovered by
// subtracting the shown cells from the total.
package suppress

import "sort"

// DefaultThreshold is the smallest number shown (kpis.md: counts 1–4 hidden).
const DefaultThreshold = 5

// Mark is the Swedish statistics mark for "too few to show" (as in Kolada);
// NoData is the mark for missing data.
const (
	Mark   = ".."
	NoData = "-"
)

// Cell is one figure to publish.
type Cell struct {
	// N is the number of units behind the figure: the count itself for a
	// count, the denominator for a share, the units for a mean or percentile.
	N int64
	// Hidden is set by Primary and Complement.
	Hidden bool
}

// Primary hides a cell whose N is 1 … threshold-1. A cell with N = 0 stays
// shown: zero is shown as 0, and a share of nothing is shown as missing.
func Primary(c *Cell, threshold int) {
	if c.N > 0 && c.N < int64(threshold) {
		c.Hidden = true
	}
}

// Complement makes sure that no single hidden cell of a breakdown can be
// recovered from a shown total: while exactly one cell with N > 0 is hidden,
// the shown cell with the smallest N > 0 is hidden too. cells are the groups
// of one breakdown (not the total); totalShown says whether their total is
// published.
func Complement(cells []*Cell, totalShown bool) {
	if !totalShown {
		return
	}
	hidden := 0
	var shown []*Cell
	for _, c := range cells {
		switch {
		case c.Hidden && c.N > 0:
			hidden++
		case !c.Hidden && c.N > 0:
			shown = append(shown, c)
		}
	}
	if hidden != 1 || len(shown) == 0 {
		return
	}
	sort.SliceStable(shown, func(i, j int) bool { return shown[i].N < shown[j].N })
	shown[0].Hidden = true
}

// Apply runs Primary over the total and the cells, then Complement over the
// cells. total may be nil when the breakdown has no published total.
func Apply(total *Cell, cells []*Cell, threshold int) {
	totalShown := false
	if total != nil {
		Primary(total, threshold)
		totalShown = !total.Hidden
	}
	for _, c := range cells {
		Primary(c, threshold)
	}
	Complement(cells, totalShown)
}
