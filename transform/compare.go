package transform

import "context"

// compareTables are the comparison tables of kpis.md "Comparisons", built
// after kpi_values from sql/compare/<name>.sql: kpi_funnel (funnel limits of
// the shares by municipality) and kpi_spc (p-charts by month with Anhøj's
// run rules). Build writes them; Compute does not (they belong to the
// database's own as-of date).
var compareTables = []string{"kpi_funnel", "kpi_spc"}

// compare writes the comparison tables. It needs kpi_values, kpi_catalog,
// the core models and the run's parameter tables.
func (r *runner) compare(ctx context.Context) error {
	for _, name := range compareTables {
		if err := r.createAs(ctx, name, "compare/"+name+".sql"); err != nil {
			return err
		}
	}
	return nil
}
