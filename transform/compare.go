package transform

import "context"

// compare writes the comparison tables of kpis.md "Comparisons" from
// sql/compare, after kpi_values: kpi_funnel (funnel limits of the shares by
// municipality) and kpi_spc (see spc). Build writes them; Compute does not
// (they belong to the database's own as-of date). It needs kpi_values,
// kpi_catalog, the core models and the run's parameter tables.
func (r *runner) compare(ctx context.Context) error {
	if err := r.createAs(ctx, "kpi_funnel", "compare/kpi_funnel.sql"); err != nil {
		return err
	}
	return r.spc(ctx)
}

// spc writes kpi_spc, the monthly p-charts with Anhøj's run rules, from the
// monthly units of the temp table spc_points. In temp mode (a municipality
// scope, ScopeTables) kpi_spc is a temp table of the scope's units, so a
// municipality report charts the municipality itself; kpi_funnel is not
// rebuilt there, since it compares the region's municipalities.
func (r *runner) spc(ctx context.Context) error {
	// The temp table goes with the statement's connection, which a pool
	// keeps: drop it whatever happens.
	defer r.q.ExecContext(context.WithoutCancel(ctx), "drop table if exists temp.spc_points")
	if err := r.exec(ctx, "compare/spc_points.sql", "create or replace temp table spc_points as "); err != nil {
		return err
	}
	return r.createAs(ctx, "kpi_spc", "compare/kpi_spc.sql")
}
