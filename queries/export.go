package queries

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sipstat/sipstat/warehouse"
)

// ExportedFile is one Parquet file written by Export.
type ExportedFile struct {
	Table string // the table or view, e.g. "sips" or "kpi_values"
	Path  string
	Rows  int64
}

// Export writes every table and view of the model (schema main: the core
// tables, reference tables, data-quality tables, kpi_catalog, kpi_values,
// kpi_settings and the load_* bookkeeping) to dir as <table>.parquet
// (zstd), for BI tools. It uses DuckDB's COPY … TO, which works on a
// database opened read-only; the path is bound as a parameter.
func Export(ctx context.Context, q warehouse.Querier, dir string) ([]ExportedFile, error) {
	objs, err := Describe(ctx, q, "main")
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("export: the database has no tables in schema main (has it been loaded?)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	var out []ExportedFile
	for _, o := range objs {
		path := filepath.Join(dir, o.Name+".parquet")
		stmt := "copy (select * from main." + warehouse.QuoteIdent(o.Name) + ") to $path (format parquet, compression zstd)"
		res, err := q.ExecContext(ctx, stmt, sql.Named("path", path))
		if err != nil {
			return out, fmt.Errorf("export %s to %s: %w", o.Name, path, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return out, fmt.Errorf("export %s: %w", o.Name, err)
		}
		out = append(out, ExportedFile{Table: o.Name, Path: path, Rows: n})
	}
	return out, nil
}
