package model

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/sipstat/sipstat/warehouse"
)

// readDelivery reads the load tables and the data-quality flags: every
// count of Quality but Excluded, which comes from the KPIs (addExcluded).
func readDelivery(ctx context.Context, q warehouse.Querier) (Quality, error) {
	var out Quality
	reads := []struct {
		file string
		scan func(*sql.Rows) error
	}{
		{"files.sql", appendRow(&out.Files, func(f *FileLoad) []any {
			return []any{&f.Source, &f.Table, &f.File, emptyIfNull{&f.Format}, &f.Read, &f.Loaded, &f.Rejected}
		})},
		{"rejects.sql", appendRow(&out.Rejects, func(c *RejectCount) []any {
			return []any{&c.Source, &c.Table, &c.File, &c.Column, &c.Reason, &c.Rows}
		})},
		{"warnings.sql", appendRow(&out.Warnings, func(w *Warning) []any {
			return []any{&w.Source, emptyIfNull{&w.File}, &w.Message}
		})},
		{"flags.sql", appendRow(&out.Flags, func(f *FlagCount) []any {
			return []any{&f.Rule, emptyIfNull{&f.Table}, emptyIfNull{&f.Description}, &f.DescriptionEN, &f.Rows}
		})},
	}
	for _, rd := range reads {
		if err := scanAll(ctx, q, rd.file, rd.scan); err != nil {
			return out, err
		}
	}
	return out, nil
}

// addExcluded adds, for every KPI of r, the units its period total left out.
func addExcluded(out *Quality, r *Report) {
	for _, k := range r.KPIs {
		out.Excluded = append(out.Excluded, ExcludedCount{KPIID: k.ID, NameSV: k.NameSV, Excluded: k.Current.Excluded})
	}
}

// scanAll runs the SQL file with the arguments and calls scan on each row;
// an error names the file.
func scanAll(ctx context.Context, q warehouse.Querier, file string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query(file), args...)
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

// appendRow is a scanAll callback that scans each row into a new T, through
// the destinations dest gives for it, and appends it to out.
func appendRow[T any](out *[]T, dest func(*T) []any) func(*sql.Rows) error {
	return func(rows *sql.Rows) error {
		var x T
		if err := rows.Scan(dest(&x)...); err != nil {
			return err
		}
		*out = append(*out, x)
		return nil
	}
}

// emptyIfNull scans a nullable text column into a string, NULL as "".
type emptyIfNull struct{ p *string }

func (e emptyIfNull) Scan(v any) error {
	var s sql.NullString
	err := s.Scan(v)
	*e.p = s.String
	return err
}
