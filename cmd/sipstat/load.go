package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
)

func (a *app) loadCommand() *cobra.Command {
	var (
		strict      bool
		noTransform bool
		asOf        string
		source      string
	)
	cmd := &cobra.Command{
		Use:   "load [--db FILE] EXTRACT_DIR",
		Short: "Validate an extract and load it, then rebuild the models and KPIs",
		Long: `Loads an extract folder (CSV with , or ; in UTF-8 or Windows-1252, one
extract.xlsx, or <table>.parquet files) into the database in one transaction:
every row is loaded or rejected with file, line, column and reason (table
load_rejects), then the clean model and the KPI values are rebuilt. An extract is
a full snapshot of its source: loading a newer one replaces that source's rows,
loading the same one again changes nothing. An extract that contains a personal
identity number is refused whole. A failed load leaves the database as it was.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			settings, err := a.settings()
			if err != nil {
				return err
			}
			opt := ingest.Options{Strict: strict, Source: source, Logger: a.log}
			if !a.quiet {
				opt.Progress = a.stderr
			}
			if asOf != "" {
				t, err := time.Parse(time.DateOnly, asOf)
				if err != nil {
					return usageError{fmt.Errorf("load: --as-of %q: want YYYY-MM-DD", asOf)}
				}
				opt.AsOf = &t
			}
			if !noTransform {
				opt.BeforeCommit = func(ctx context.Context, conn *sql.Conn) error {
					return rebuild(ctx, conn, settings)
				}
			}
			db, err := a.open(ctx, false)
			if err != nil {
				return err
			}
			defer db.Close()
			start := time.Now()
			sum, err := ingest.Load(ctx, db, args[0], opt)
			if err != nil {
				return err
			}
			sum.WriteText(a.stdout)
			a.log.Info("loaded", "db", a.dbPath, "source", sum.Source, "as_of", sum.AsOf.Format(time.DateOnly),
				"seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
			return db.Close()
		},
	}
	f := cmd.Flags()
	f.BoolVar(&strict, "strict", false, "fail the whole load (changing nothing) if any row is rejected")
	f.StringVar(&asOf, "as-of", "", "as-of date when the extract has no manifest (default: latest date in the data)")
	f.StringVar(&source, "source", "", "source name when the extract has no manifest (default: the folder's name)")
	f.BoolVar(&noTransform, "no-transform", false, "load only; run `sipstat transform` later (for timing the phases)")
	return cmd
}

// rebuild builds the models, the KPI values and the schema comments; the load
// runs it inside its transaction, the transform command on its own.
func rebuild(ctx context.Context, conn *sql.Conn, settings transform.Settings) error {
	if err := transform.Build(ctx, conn, settings); err != nil {
		return err
	}
	return queries.ApplyComments(ctx, conn)
}

func (a *app) transformCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "transform [--db FILE] [--config FILE]",
		Short: "Rebuild the clean model and the KPI values (after changing the settings)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			settings, err := a.settings()
			if err != nil {
				return err
			}
			db, err := a.open(ctx, false)
			if err != nil {
				return err
			}
			defer db.Close()
			conn, err := db.Conn(ctx)
			if err != nil {
				return err
			}
			defer conn.Close()
			if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
				return err
			}
			if err := rebuild(ctx, conn, settings); err != nil {
				_, _ = conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
				return err
			}
			if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
				return err
			}
			conn.Close()
			return db.Close()
		},
	}
}
