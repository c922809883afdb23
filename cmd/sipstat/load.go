package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/transform"
)

// loadOptions are the load command's flags.
type loadOptions struct {
	Strict      bool       // fail the whole load if any row is rejected
	NoTransform bool       // load only; the models are rebuilt by `transform`
	AsOf        *time.Time // when the extract has no manifest
	Source      string     // when the extract has no manifest
}

func (o *loadOptions) addFlags(f *pflag.FlagSet) {
	f.BoolVar(&o.Strict, "strict", false, "fail the whole load (changing nothing) if any row is rejected")
	f.Var(dateFlag{&o.AsOf}, "as-of", "as-of date when the extract has no manifest (default: latest date in the data)")
	f.StringVar(&o.Source, "source", "", "source name when the extract has no manifest (default: the folder's name)")
	f.BoolVar(&o.NoTransform, "no-transform", false, "load only; run `sipstat transform` later (for timing the phases)")
}

func newLoadCmd(a *app) *cobra.Command {
	return withOptions(&loadOptions{}, &cobra.Command{
		Use:   "load [--db FILE] EXTRACT_DIR",
		Short: "Validate an extract and load it, then rebuild the models and KPIs",
		Long: `Loads an extract folder (CSV with , or ; in UTF-8 or Windows-1252, one
extract.xlsx, or <table>.parquet files) into the database: every row is loaded
or rejected with file, line, column and reason (table load_rejects), then the
clean model and the KPI values are rebuilt, and the new rows and model replace
the old ones at once. An extract is a full snapshot of its source: loading a
newer one replaces that source's rows, loading the same one again changes
nothing. An extract that contains a personal identity number is refused whole.
A failed or interrupted load leaves the database as it was.`,
		Example: `  sipstat load --db sip.duckdb extract
  sipstat load --db sip.duckdb --strict extract
  sipstat load --db sip.duckdb --source kommun_a --as-of 2026-09-30 export-folder`,
		Args: usageArgs(cobra.ExactArgs(1)),
	}, func(ctx context.Context, opts loadOptions, args []string) error {
		return runLoad(ctx, opts, a, args[0])
	})
}

func runLoad(ctx context.Context, opts loadOptions, a *app, dir string) error {
	settings, db, err := a.openWithSettings(ctx, false)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := ingest.Options{Strict: opts.Strict, Source: opts.Source, AsOf: opts.AsOf, Logger: a.log}
	if !a.quiet {
		opt.Progress = a.stderr
	}
	if !opts.NoTransform {
		// Runs in the switch's transaction, on the new rows committed
		// (ingest/switch.go): the model and the rows change in one commit.
		opt.BeforeCommit = func(ctx context.Context, conn *sql.Conn) error {
			return transform.Build(ctx, conn, settings)
		}
	}
	start := time.Now()
	sum, err := ingest.Load(ctx, db, dir, opt)
	if err != nil {
		return err
	}
	sum.WriteText(a.stdout)
	a.log.Info("loaded", "db", a.dbPath, "source", sum.Source, "as_of", sum.AsOf.Format(time.DateOnly),
		"seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	return db.Close()
}

func newTransformCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "transform [--db FILE] [--config FILE]",
		Short: "Rebuild the clean model and the KPI values (after changing the settings)",
		Example: `  sipstat transform --db sip.duckdb --config sipstat.toml
  sipstat transform --db sip.duckdb --verbose`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTransform(cmd.Context(), a)
		},
	}
}

// runTransform rebuilds the models, the KPI values and their documentation
// in one transaction of Build's own.
func runTransform(ctx context.Context, a *app) error {
	settings, db, err := a.openWithSettings(ctx, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := transform.Build(ctx, db, settings); err != nil {
		return err
	}
	return db.Close()
}
