// Package pipelinetest runs the real pipeline for other packages' tests: a
// generated extract loaded into a DuckDB file with the models built inside
// the load's transaction, as `sipstat load` does. It exists so that tests of
// reports, queries and the KPI oracle build their databases one way.
package pipelinetest

import (
	"context"
	"database/sql"
	"path/filepath"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// Hook runs inside the load's transaction after the models are built (the
// CLI applies the schema comments there).
type Hook func(ctx context.Context, conn *sql.Conn) error

// Load loads the extract folder into the DuckDB file at dbPath (created if
// missing), building the models with settings before the commit, then runs
// the hooks in the same transaction.
func Load(ctx context.Context, dbPath, extract string, settings transform.Settings, hooks ...Hook) error {
	db, err := warehouse.Open(ctx, dbPath, warehouse.Options{})
	if err != nil {
		return err
	}
	_, err = ingest.Load(ctx, db, extract, ingest.Options{
		BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
			if err := transform.Build(ctx, conn, settings); err != nil {
				return err
			}
			for _, h := range hooks {
				if err := h(ctx, conn); err != nil {
					return err
				}
			}
			return nil
		},
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// Sample generates an extract into dir/extract and loads it with the default
// settings into dir/sip.duckdb, whose path it returns.
func Sample(ctx context.Context, dir string, opt sampledata.Options, hooks ...Hook) (string, error) {
	extract := filepath.Join(dir, "extract")
	if _, err := sampledata.Generate(ctx, extract, opt); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "sip.duckdb")
	return path, Load(ctx, path, extract, transform.DefaultSettings(), hooks...)
}
