package transform

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

// A KPI family file (sql/kpi/<family>.sql) states its units and measures;
// its breakdowns come from catalog.toml through the template function
// breakdowns, so the catalogue is the one place that lists them (rill's
// metrics views generate the GROUP BY from the declared dimensions the same
// way). In a family file:
//
//	{{ $sip := breakdowns "needs_detected" "coverage" }}
//	    … {{ $sip.Columns "s" }}                 -- the unit's breakdown columns, a missing value as 'unknown' (or null: Label names it 'unknown')
//	    … {{ $sip.Pass "a" }}                    -- the same columns read through a CTE that has them
//	    … {{ $sip.Label "u" }}                   -- breakdown and group_value of a grouped row
//	    … {{ $sip.GroupBy "u" "period" }}         -- group by grouping sets: the total and one set per breakdown
//	    … {{ $sip.PeriodColumns "s" }}           -- p.period and Columns: a units CTE's head
//	    … {{ $sip.PeriodLabel "u" }}             -- u.period and Label: an aggregate's head
//
// breakdowns takes the KPIs an aggregate serves and computes the union of
// their catalogued breakdowns, nothing else. Every generated piece is on
// one line, so DuckDB's LINE numbers stay those of the file.

// breakdownColumn is the unit column a breakdown groups by.
func breakdownColumn(b string) string {
	switch b {
	case "region", "municipality":
		return b + "_code"
	}
	return b
}

// breakdownSet is the breakdowns of the KPIs one aggregate serves, in the
// catalogue's order of first use.
type breakdownSet struct {
	names []string
}

// breakdownsOf returns the union of the catalogued breakdowns of the KPIs
// ids (the embedded catalogue, or for family "survey" the breakdowns every
// user-audit KPI has); an unknown id is an error.
func breakdownsOf(ids ...string) (breakdownSet, error) {
	byID := map[string][]string{}
	for _, k := range Catalog() {
		byID[k.ID] = k.Breakdowns
	}
	var set breakdownSet
	seen := map[string]bool{}
	for _, id := range ids {
		bs, ok := byID[id]
		if !ok {
			return set, fmt.Errorf("breakdowns: no KPI %q in catalog.toml", id)
		}
		for _, b := range bs {
			if !contains(Breakdowns, b) || b == "total" {
				return set, fmt.Errorf("breakdowns: KPI %s: unknown breakdown %q", id, b)
			}
			if !seen[b] {
				seen[b] = true
				set.names = append(set.names, b)
			}
		}
	}
	return set, nil
}

// col is alias.column of breakdown b, quoted.
func col(alias, b string) string {
	return warehouse.QuoteIdent(alias) + "." + warehouse.QuoteIdent(breakdownColumn(b))
}

// Columns are the unit's breakdown columns read from alias, a missing value
// as the group 'unknown' (so the groups of a breakdown partition the total).
// A column that is a code column of the contract whose codes hold no
// 'unknown' is grouped as it is, a missing value as its own (null) group,
// which Label names 'unknown': the core tables store such a column as an
// ENUM, and coalescing it with the string 'unknown' would make every unit's
// key a VARCHAR (about a fifth of a family's grouping cost). A column whose
// codes hold 'unknown' (sex) is coalesced, so the missing and the 'unknown'
// units stay one group.
func (s breakdownSet) Columns(alias string) string {
	cols := make([]string, len(s.names))
	for i, b := range s.names {
		if groupedAsIs()[breakdownColumn(b)] {
			cols[i] = col(alias, b) + " as " + warehouse.QuoteIdent(breakdownColumn(b))
			continue
		}
		cols[i] = "coalesce(" + col(alias, b) + ", 'unknown') as " + warehouse.QuoteIdent(breakdownColumn(b))
	}
	return strings.Join(cols, ", ")
}

// groupedAsIs are the column names that are a code column of the contract
// in every table that has them, with no code 'unknown'.
var groupedAsIs = sync.OnceValue(func() map[string]bool {
	ok := map[string]bool{}
	seen := map[string]bool{}
	for _, t := range contract.Tables {
		for _, c := range t.Columns {
			fine := c.Codes != nil && !slices.Contains(c.Codes.Values(), "unknown")
			if !seen[c.Name] {
				seen[c.Name] = true
				ok[c.Name] = fine
			} else {
				ok[c.Name] = ok[c.Name] && fine
			}
		}
	}
	return ok
})

// PeriodColumns are the period of a unit joined to kpi_period_days (alias
// p) and its Columns: the head of every family's units CTE.
func (s breakdownSet) PeriodColumns(alias string) string {
	return join("p.period", s.Columns(alias))
}

// PeriodLabel are the period and the Label of a row grouped by
// GroupBy(alias, "period"): the head of every family's aggregate.
func (s breakdownSet) PeriodLabel(alias string) string {
	return join(warehouse.QuoteIdent(alias)+".period", s.Label(alias))
}

// join joins the non-empty parts of a select list.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// Names are 'total' and the breakdown names as SQL string literals, for an
// in (…) list.
func (s breakdownSet) Names() string {
	lits := []string{"'total'"}
	for _, b := range s.names {
		lits = append(lits, "'"+b+"'") // a known breakdown name: a safe literal
	}
	return strings.Join(lits, ", ")
}

// Pass are the breakdown columns of a unit read through alias unchanged.
func (s breakdownSet) Pass(alias string) string {
	cols := make([]string, len(s.names))
	for i, b := range s.names {
		cols[i] = col(alias, b)
	}
	return strings.Join(cols, ", ")
}

// Label is the breakdown name and group value of a row grouped by GroupBy;
// the null group of a column grouped as it is (Columns) is 'unknown'.
func (s breakdownSet) Label(alias string) string {
	var whens, values []string
	for _, b := range s.names {
		// b is a known breakdown name (breakdownsOf checked it): a safe literal.
		whens = append(whens, "when grouping("+col(alias, b)+") = 0 then '"+b+"'")
		values = append(values, "when grouping("+col(alias, b)+") = 0 then coalesce("+col(alias, b)+"::varchar, 'unknown')")
	}
	if len(whens) == 0 {
		return "'total' as breakdown, '' as group_value"
	}
	return "case " + strings.Join(whens, " ") + " else 'total' end as breakdown, case " + strings.Join(values, " ") + " else '' end as group_value"
}

// GroupBy groups by keys (columns of alias, e.g. period) for the total and
// by keys plus each breakdown.
func (s breakdownSet) GroupBy(alias string, keys ...string) string {
	base := make([]string, len(keys))
	for i, k := range keys {
		base[i] = warehouse.QuoteIdent(alias) + "." + warehouse.QuoteIdent(k)
	}
	sets := []string{"(" + strings.Join(base, ", ") + ")"}
	for _, b := range s.names {
		sets = append(sets, "("+strings.Join(append(append([]string{}, base...), col(alias, b)), ", ")+")")
	}
	return "group by grouping sets (" + strings.Join(sets, ", ") + ")"
}

// familyBreakdowns returns the union of the catalogued breakdowns of every
// KPI of family f (for the user audit, whose per-question KPIs come from the
// data and share the breakdowns of the dimension KPIs).
func familyBreakdowns(f string) (breakdownSet, error) {
	var ids []string
	for _, k := range Catalog() {
		if k.Family == f {
			ids = append(ids, k.ID)
		}
	}
	if len(ids) == 0 {
		return breakdownSet{}, fmt.Errorf("family_breakdowns: no KPI of family %q in catalog.toml", f)
	}
	return breakdownsOf(ids...)
}

var templateFuncs = template.FuncMap{
	"breakdowns":        breakdownsOf,
	"family_breakdowns": familyBreakdowns,
	"ident":             warehouse.QuoteIdent,
	"idents":            func(names []string) string { return joinQuoted(names, warehouse.QuoteIdent) },
	"literal":           quoteLiteral,
	"count":             countRow, // kpirows.go: one KPI's branch of a family's final
	"share":             shareRow,
	"stat":              statRow,
	"rate":              rateRow,
	"code_type":         codeType, // codetypes.go: the ENUM types of core code columns
	"age_band_type":     ageBandType,
	"principal_type":    principalType,
}

func joinQuoted(names []string, quote func(string) string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, ", ")
}

// quoteLiteral quotes a name from the catalogue or the contract (a family, a
// table) as a SQL string literal, for a view definition, which cannot take
// bound parameters.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// rendered caches the rendered SQL of each template file without data (the
// catalogue is embedded, so a family file renders the same every time).
var rendered sync.Map

// sqlText returns the SQL of an embedded file, rendering a KPI family file
// with the catalogue's breakdowns.
func sqlText(name string) (string, error) {
	text := mustSQL(name)
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	if s, ok := rendered.Load(name); ok {
		return s.(string), nil
	}
	s, err := renderSQL(name, nil)
	if err != nil {
		return "", err
	}
	rendered.Store(name, s)
	return s, nil
}

// renderSQL renders the embedded template file name with data.
func renderSQL(name string, data any) (string, error) {
	t, err := template.New(name).Funcs(templateFuncs).Option("missingkey=error").Parse(mustSQL(name))
	if err != nil {
		return "", fmt.Errorf("transform: sql/%s: %w", name, err)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("transform: sql/%s: %w", name, err)
	}
	return b.String(), nil
}
