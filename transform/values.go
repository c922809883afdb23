package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

// Values reads kpi_values, ordered by catalogue order, then period,
// breakdown (in the order of Breakdowns) and group. An empty Filter field
// selects everything. Trends are a filter away: Filter{Periods: labels of
// p.Trend(8)}.
func Values(ctx context.Context, q warehouse.Querier, f Filter) ([]Value, error) {
	join := func(xs []string) string { return strings.Join(xs, "\x1f") }
	ps, ks, bs := join(f.Periods), join(f.KPIIDs), join(f.Breakdowns)
	rows, err := read(ctx, q, "read/values.sql", ps, ps, ks, ks, bs, bs, strings.Join(Breakdowns, ","))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Value
	for rows.Next() {
		var v Value
		var value, num, den, ref sql.NullFloat64
		if err := rows.Scan(&v.Period, &v.PeriodStart, &v.PeriodEnd, &v.KPIID, &v.Breakdown, &v.Group,
			&v.GroupLabel, &value, &num, &den, &v.N, &v.Excluded, &v.NoData, &v.Preliminary,
			&v.Status, &v.Trend, &ref); err != nil {
			return nil, fmt.Errorf("transform: read kpi_values: %w", err)
		}
		v.Value, v.Numerator, v.Denominator, v.ReferenceValue = ptr(value), ptr(num), ptr(den), ptr(ref)
		v.PeriodStart, v.PeriodEnd = v.PeriodStart.UTC(), v.PeriodEnd.UTC()
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("transform: read kpi_values: %w", err)
	}
	return out, nil
}

// read runs a read of kpi_values or kpi_catalog; a failure on a database
// an older sipstat built says to load again.
func read(ctx context.Context, q warehouse.Querier, file string, args ...any) (*sql.Rows, error) {
	rows, err := q.QueryContext(ctx, mustSQL(file), args...)
	if err != nil {
		if old := builtByOlder(ctx, q); old != nil {
			return nil, old
		}
		return nil, fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return rows, nil
}

// builtByOlder explains a failed read of a database whose kpi_values or
// kpi_catalog lack the columns this version writes (built by an older
// sipstat); nil otherwise.
func builtByOlder(ctx context.Context, q warehouse.Querier) error {
	var n int
	err := q.QueryRowContext(ctx, `select count(*) from information_schema.columns
		where table_name in ('kpi_values', 'kpi_catalog') and column_name in ('preliminary', 'observation_window_days')`).Scan(&n)
	if err != nil || n == 2 {
		return nil
	}
	return errors.New("transform: the database was built by an older sipstat (kpi_values has no preliminary, status, trend): load the extract again to rebuild it")
}

func ptr(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	x := n.Float64
	return &x
}

// LoadCatalog reads kpi_catalog: the embedded catalogue with the targets it
// was built with, plus the user audit's per-question KPIs of the data.
func LoadCatalog(ctx context.Context, q warehouse.Querier) ([]KPI, error) {
	rows, err := read(ctx, q, "read/catalog.sql")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KPI
	for rows.Next() {
		var k KPI
		var unit, bd, req string
		var target, refLine sql.NullFloat64
		var targetSource, targetOp sql.NullString
		if err := rows.Scan(&k.ID, &k.Family, &k.NameSV, &k.NameEN, &unit, &k.Direction, &target,
			&targetSource, &k.DefinitionSV, &k.DefinitionEN, &bd, &req, &k.Order, &targetOp, &refLine,
			&k.ObservationWindowDays, &k.Headline, &k.PointInTime, &k.Detail, &k.FamilySV, &k.FamilyEN,
			&k.UnitSV, &k.UnitEN); err != nil {
			return nil, fmt.Errorf("transform: read kpi_catalog: %w", err)
		}
		k.Unit, k.Target, k.TargetSource = Unit(unit), ptr(target), targetSource.String
		k.TargetOp, k.ReferenceLine = targetOp.String, ptr(refLine)
		k.Breakdowns, k.Requires = splitList(bd), splitList(req)
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("transform: read kpi_catalog: %w", err)
	}
	return out, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Trend reads the n quarters up to and including p (oldest first in each
// KPI's rows) in one query: the values every trend chart draws. f selects
// KPIs and breakdowns; its Periods are replaced.
func Trend(ctx context.Context, q warehouse.Querier, p Period, n int, f Filter) ([]Value, error) {
	f.Periods = nil
	for _, t := range p.Trend(n) {
		f.Periods = append(f.Periods, t.Label)
	}
	return Values(ctx, q, f)
}
