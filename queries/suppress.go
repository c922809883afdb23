package queries

import (
	"fmt"
	"io"
	"strings"

	"github.com/sipstat/sipstat/transform/suppress"
)

// Suppression of query results for publication, by column naming convention
// (documented in README.md and each query's header):
//
//   - a count is a numeric column named n, n_* or *_count: 1 … threshold-1 is
//     hidden, 0 is shown;
//   - a share, mean, median … is hidden when the number of units behind it is
//     below the threshold. Its units column is declared in the header
//     ("-- suppress: within_target_share by n_due"); for an undeclared
//     *_share column the units column is n_<stem> (n_within_target for
//     within_target_share), else n; a share with neither is hidden entirely,
//     since nothing shows it is safe;
//   - the complement step runs per count column over the rows of one
//     breakdown (the header's "breakdown:" columns; the whole result when
//     none are declared), assuming that breakdown's total is published: when
//     exactly one cell is hidden, the next smallest is hidden too.
//
// All of it goes through transform/suppress, the one rule.

type suppressPlan struct {
	counts    []int
	units     map[int]int // value column → units column
	hideAll   []int
	breakdown []int
	notes     []string
}

func isCountName(name string) bool {
	n := strings.ToLower(name)
	return n == "n" || strings.HasPrefix(n, "n_") || strings.HasSuffix(n, "_count")
}

func planSuppression(cols []Field, q *Query) (*suppressPlan, error) {
	idx := map[string]int{}
	for i, c := range cols {
		idx[strings.ToLower(c.Name)] = i
	}
	p := &suppressPlan{units: map[int]int{}}
	for i, c := range cols {
		if c.Kind.numeric() && isCountName(c.Name) {
			p.counts = append(p.counts, i)
		}
	}
	declared := map[string]string{}
	if q != nil {
		declared = q.Units
		for _, b := range q.Breakdown {
			i, ok := idx[b]
			if !ok {
				return nil, fmt.Errorf("%s: breakdown column %s is not in the result", q.File, b)
			}
			p.breakdown = append(p.breakdown, i)
		}
	}
	for v, u := range declared {
		vi, ok := idx[v]
		if !ok {
			return nil, fmt.Errorf("%s: suppress: column %s is not in the result", q.File, v)
		}
		ui, ok := idx[u]
		if !ok || !cols[ui].Kind.numeric() {
			return nil, fmt.Errorf("%s: suppress: units column %s of %s is not a numeric column of the result", q.File, u, v)
		}
		p.units[vi] = ui
	}
	for i, c := range cols {
		name := strings.ToLower(c.Name)
		if _, ok := p.units[i]; ok || !strings.HasSuffix(name, "_share") {
			continue
		}
		stem := strings.TrimSuffix(name, "_share")
		if ui, ok := idx["n_"+stem]; ok && cols[ui].Kind.numeric() {
			p.units[i] = ui
			continue
		}
		if ui, ok := idx["n"]; ok && cols[ui].Kind.numeric() {
			p.units[i] = ui
			continue
		}
		p.hideAll = append(p.hideAll, i)
		p.notes = append(p.notes, fmt.Sprintf("column %s: no units column (n_%s or n) to judge it by, so all of it is suppressed", c.Name, stem))
	}
	return p, nil
}

// apply replaces the cells to hide with hidden{}.
func (p *suppressPlan) apply(rows [][]any, threshold int) {
	groups := map[string][]int{}
	var order []string
	for r, row := range rows {
		var key strings.Builder
		for _, b := range p.breakdown {
			fmt.Fprintf(&key, "%v\x00", row[b])
		}
		k := key.String()
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	// hide[r][c] collects the decisions before any cell is overwritten.
	hide := make([]map[int]bool, len(rows))
	for i := range hide {
		hide[i] = map[int]bool{}
	}
	for _, c := range p.counts {
		for _, k := range order {
			members := groups[k]
			cells := make([]*suppress.Cell, len(members))
			for j, r := range members {
				cells[j] = &suppress.Cell{N: asInt(rows[r][c])}
			}
			// The breakdown's total is not in the result but is assumed
			// published: a total of N 0 is never hidden, so Apply runs
			// the complement step against a shown total.
			suppress.Apply(&suppress.Cell{}, cells, threshold)
			for j, r := range members {
				if cells[j].Hidden {
					hide[r][c] = true
				}
			}
		}
	}
	for v, u := range p.units {
		for r, row := range rows {
			cell := suppress.Cell{N: asInt(row[u])}
			suppress.Primary(&cell, threshold)
			if cell.Hidden || hide[r][u] {
				hide[r][v] = true
			}
		}
	}
	for r, row := range rows {
		for _, c := range p.hideAll {
			if row[c] != nil {
				hide[r][c] = true
			}
		}
		for c := range hide[r] {
			row[c] = Hidden{}
		}
	}
}

func asInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

// suppressSource reads all of src (the complement step needs every row of
// a breakdown) and returns the suppressed rows.
func suppressSource(src rowSource, q *Query, threshold int, warn io.Writer) (rowSource, error) {
	if threshold <= 0 {
		threshold = suppress.DefaultThreshold
	}
	plan, err := planSuppression(src.Columns(), q)
	if err != nil {
		return nil, err
	}
	for _, n := range plan.notes {
		fmt.Fprintf(warn, "suppress: %s\n", n)
	}
	rows, err := readAll(src)
	if err != nil {
		return nil, err
	}
	plan.apply(rows, threshold)
	return &bufferedRows{cols: src.Columns(), rows: rows}, nil
}
