package model

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sipstat/sipstat/warehouse"
)

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
		if err := rows.Scan(&f.Rule, &table, &desc, &f.DescriptionEN, &f.Rows); err != nil {
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
