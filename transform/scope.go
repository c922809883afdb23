package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/sipstat/sipstat/warehouse"
)

// ScopeValues computes every KPI, period and breakdown for one municipality
// (SCB kommunkod): the SIPs, meetings, goals, discharges, deviations, survey
// responses and population of that municipality only, so its org-type heat
// maps, box plots and every other breakdown are its own, never the
// region's. The values have the columns of kpi_values; reference_value is
// the region's value of the same period, KPI, breakdown and group: for the
// total (and the region and municipality rows) the municipality's region
// row of the built kpi_values, for the other breakdowns the built row of
// the same group when the database holds that one region (else none). The
// reference values come from the built kpi_values, so they exist only when
// p's as-of date is the built one (nil AsOf). p selects as for Compute
// (p.Municipality is set to municipality). Nothing persistent is written.
func ScopeValues(ctx context.Context, q warehouse.Querier, municipality string, p Params) ([]Value, error) {
	if err := checkMunicipality(ctx, q, municipality); err != nil {
		return nil, err
	}
	p.Municipality = municipality
	return Compute(ctx, q, p)
}

// ScopeTables computes the same municipality scope as ScopeValues into temp
// tables of conn — kpi_values, kpi_catalog, kpi_spc (the municipality's
// monthly p-charts) and the core models — that shadow
// the built ones for every unqualified read on conn, so SQL written for the
// region reads the municipality. release drops them (call it before conn
// is used for anything else).
func ScopeTables(ctx context.Context, conn *sql.Conn, municipality string, p Params) (release func(), err error) {
	if err := checkMunicipality(ctx, conn, municipality); err != nil {
		return nil, err
	}
	p.Municipality = municipality
	r, err := computeTemp(ctx, conn, p)
	if err != nil {
		return nil, err
	}
	// The municipality's own monthly SPC charts (temp kpi_spc).
	if err := r.spc(ctx); err != nil {
		r.dropTemp(context.WithoutCancel(ctx))
		return nil, err
	}
	return func() { r.dropTemp(context.WithoutCancel(ctx)) }, nil
}

func checkMunicipality(ctx context.Context, q warehouse.Querier, code string) error {
	if code == "" {
		return errors.New("transform: municipality scope: no municipality code")
	}
	var n int
	if err := q.QueryRowContext(ctx, `select count(*) from ref_municipalities where municipality_code = ?`, code).Scan(&n); err != nil {
		return fmt.Errorf("transform: municipality scope: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("transform: municipality scope: %q is not an SCB municipality code (kommunkod)", code)
	}
	return nil
}
