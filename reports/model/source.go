package model

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// readAsOf is the as-of date of the loaded extracts (the latest extracted_at).
func readAsOf(ctx context.Context, q warehouse.Querier) (time.Time, error) {
	var t sql.NullTime
	if err := q.QueryRowContext(ctx, query("asof.sql")).Scan(&t); err != nil {
		return time.Time{}, fmt.Errorf("reports/model/sql/asof.sql: %w", err)
	}
	if !t.Valid {
		return time.Time{}, fmt.Errorf("report: no extract is loaded (load_sources is empty)")
	}
	return t.Time, nil
}

func readCatalog(ctx context.Context, q warehouse.Querier) ([]transform.KPI, error) {
	rows, err := q.QueryContext(ctx, query("catalog.sql"))
	if err != nil {
		return nil, fmt.Errorf("reports/model/sql/catalog.sql: %w", err)
	}
	defer rows.Close()
	var out []transform.KPI
	for rows.Next() {
		var k transform.KPI
		var unit string
		var target sql.NullFloat64
		if err := rows.Scan(&k.ID, &k.Family, &k.NameSV, &k.NameEN, &unit, &k.Direction, &target,
			&k.TargetSource, &k.DefinitionSV, &k.DefinitionEN, &k.Order); err != nil {
			return nil, fmt.Errorf("reports/model/sql/catalog.sql: %w", err)
		}
		k.Unit = transform.Unit(unit)
		if target.Valid {
			t := target.Float64
			k.Target = &t
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reports/model/sql/catalog.sql: %w", err)
	}
	return out, nil
}

func readValues(ctx context.Context, q warehouse.Querier, f transform.Filter) ([]transform.Value, error) {
	rows, err := q.QueryContext(ctx, query("values.sql"), f.Periods)
	if err != nil {
		return nil, fmt.Errorf("reports/model/sql/values.sql: %w", err)
	}
	defer rows.Close()
	var out []transform.Value
	for rows.Next() {
		var v transform.Value
		var value, num, den sql.NullFloat64
		if err := rows.Scan(&v.Period, &v.PeriodStart, &v.PeriodEnd, &v.KPIID, &v.Breakdown, &v.Group, &v.GroupLabel,
			&value, &num, &den, &v.N, &v.Excluded, &v.NoData); err != nil {
			return nil, fmt.Errorf("reports/model/sql/values.sql: %w", err)
		}
		v.Value, v.Numerator, v.Denominator = nullable(value), nullable(num), nullable(den)
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reports/model/sql/values.sql: %w", err)
	}
	return out, nil
}

func nullable(n sql.NullFloat64) *float64 {
	if !n.Valid {
		return nil
	}
	x := n.Float64
	return &x
}

// readQuality reads the load tables and the data-quality flags, and takes
// each KPI's excluded units from its headline figure.
func readQuality(ctx context.Context, q warehouse.Querier, r *Report) (Quality, error) {
	var out Quality
	err := scanAll(ctx, q, "files.sql", func(rows *sql.Rows) error {
		var f FileLoad
		var format sql.NullString
		if err := rows.Scan(&f.Source, &f.Table, &f.File, &format, &f.Read, &f.Loaded, &f.Rejected); err != nil {
			return err
		}
		f.Format = format.String
		out.Files = append(out.Files, f)
		return nil
	})
	if err != nil {
		return out, err
	}
	err = scanAll(ctx, q, "rejects.sql", func(rows *sql.Rows) error {
		var c RejectCount
		if err := rows.Scan(&c.Source, &c.Table, &c.File, &c.Column, &c.Reason, &c.Rows); err != nil {
			return err
		}
		out.Rejects = append(out.Rejects, c)
		return nil
	})
	if err != nil {
		return out, err
	}
	err = scanAll(ctx, q, "warnings.sql", func(rows *sql.Rows) error {
		var w Warning
		var file sql.NullString
		if err := rows.Scan(&w.Source, &file, &w.Message); err != nil {
			return err
		}
		w.File = file.String
		out.Warnings = append(out.Warnings, w)
		return nil
	})
	if err != nil {
		return out, err
	}
	err = scanAll(ctx, q, "flags.sql", func(rows *sql.Rows) error {
		var f FlagCount
		var table, desc sql.NullString
		if err := rows.Scan(&f.Rule, &table, &desc, &f.Rows); err != nil {
			return err
		}
		f.Table, f.Description = table.String, desc.String
		out.Flags = append(out.Flags, f)
		return nil
	})
	if err != nil {
		return out, err
	}
	for _, k := range r.KPIs {
		out.Excluded = append(out.Excluded, ExcludedCount{KPIID: k.ID, NameSV: k.NameSV, Excluded: k.Current.Excluded})
	}
	return out, nil
}

func scanAll(ctx context.Context, q warehouse.Querier, file string, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query(file))
	if err != nil {
		return fmt.Errorf("reports/model/sql/%s: %w", file, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("reports/model/sql/%s: %w", file, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reports/model/sql/%s: %w", file, err)
	}
	return nil
}
