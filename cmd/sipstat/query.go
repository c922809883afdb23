package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/queries"
)

// queryOptions are the query command's flags.
type queryOptions struct {
	Params    []string // name=value pairs
	Format    queries.Format
	Out       string // file to write to instead of stdout
	List      bool
	Statement string // --sql: an ad hoc SELECT instead of a named query
	Suppress  bool
}

func (o *queryOptions) addFlags(f *pflag.FlagSet) {
	f.StringArrayVar(&o.Params, "param", nil, "query parameter name=value (repeatable)")
	addFormatFlag(f, &o.Format, queries.FormatTable, queries.Formats...)
	f.StringVar(&o.Out, "out", "", "write to this file instead of stdout (required for xlsx and parquet)")
	f.BoolVar(&o.List, "list", false, "list the named queries with their descriptions and parameters")
	f.StringVar(&o.Statement, "sql", "", "run this SELECT instead of a named query")
	f.BoolVar(&o.Suppress, "suppress", false, "apply the small-number rule to count and share columns")
}

func newQueryCmd(a *app) *cobra.Command {
	return withOptions(&queryOptions{}, &cobra.Command{
		Use:   "query [NAME] [--param k=v …] [--format table|csv|json|xlsx|parquet] [--out FILE]",
		Short: "Run a named query from queries/named, or any SELECT with --sql",
		Long: `Runs a named query (sipstat query --list shows them with their parameters)
or, with --sql, any single SELECT. Parameters are bound, never pasted into SQL.
The database is opened read-only: a statement that is not a SELECT is refused.
--suppress applies the small-number rule to the count and share columns for
output that will be published. xlsx and parquet need --out.`,
		Example: `  sipstat query --list
  sipstat query lead_times_by_municipality --param quarters=4 --format csv
  sipstat query lead_times_by_municipality --suppress --format xlsx --out ledtider.xlsx
  sipstat query --sql "select context, count(*) as n from sips group by context"`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
	}, func(ctx context.Context, opts queryOptions, args []string) error {
		return runQuery(ctx, opts, a, args)
	})
}

func runQuery(ctx context.Context, opts queryOptions, a *app, args []string) error {
	if opts.List {
		return queries.WriteList(a.stdout, opts.Format)
	}
	if (len(args) == 0) == (opts.Statement == "") {
		return usageError{fmt.Errorf("query: give a query NAME or --sql \"SELECT …\" (see --list)")}
	}
	if opts.Format.Binary() && opts.Out == "" {
		return usageError{fmt.Errorf("query: --format %s writes a file: give --out FILE", opts.Format)}
	}
	values, err := queries.ParseParams(opts.Params)
	if err != nil {
		return err
	}
	var q *queries.Query
	if opts.Statement == "" {
		if q, err = queries.Lookup(args[0]); err != nil {
			return usageError{err}
		}
		// Refuse a bad --param before the database is opened.
		if _, err := q.Args(values); err != nil {
			return err
		}
	}
	settings, db, err := a.openWithSettings(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	w := a.stdout
	var file *os.File
	if opts.Out != "" {
		if err := os.MkdirAll(filepath.Dir(opts.Out), 0o755); err != nil {
			return err
		}
		if file, err = os.Create(opts.Out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	run := queries.Options{Format: opts.Format, Suppress: opts.Suppress, Threshold: settings.SmallNumberThreshold, Warn: a.stderr}
	var stats queries.Stats
	if q == nil {
		stats, err = queries.RunSQL(ctx, db, opts.Statement, w, run)
	} else {
		stats, err = queries.Run(ctx, db, q, values, w, run)
	}
	if err != nil {
		if file != nil {
			file.Close()
			os.Remove(opts.Out)
		}
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
		a.log.Info("query written", "file", opts.Out, "rows", stats.Rows)
	}
	return nil
}

func newSchemaCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "schema [--db FILE]",
		Short:   "Print the documented model (tables, columns, types, comments) as Markdown",
		Example: `  sipstat schema --db sip.duckdb > schema.md`,
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runSchema(cmd.Context(), a)
		},
	}
}

func runSchema(ctx context.Context, a *app) error {
	db, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	return queries.WriteSchema(ctx, db, a.stdout)
}

// shellOptions are the shell command's flags.
type shellOptions struct {
	Write bool // open the database read-write
}

func (o *shellOptions) addFlags(f *pflag.FlagSet) {
	f.BoolVar(&o.Write, "write", false, "open the database read-write (no load may run meanwhile)")
}

func newShellCmd(a *app) *cobra.Command {
	return withOptions(&shellOptions{}, &cobra.Command{
		Use:   "shell [--db FILE]",
		Short: "An interactive SQL prompt with history and completion (.tables, .schema, .mode csv)",
		Long: `Opens an SQL prompt on the database (read-only unless --write) with history,
tab completion of table and column names, table output and the dot commands
.tables, .schema [TABLE], .mode table|csv|json, .help and .quit. Without a
terminal it reads statements from stdin, one per line.`,
		Example: `  sipstat shell --db sip.duckdb
  echo "select count(*) from sips" | sipstat shell --db sip.duckdb`,
		Args: usageArgs(cobra.NoArgs),
	}, func(ctx context.Context, opts shellOptions, _ []string) error {
		return runShell(ctx, opts, a)
	})
}

func runShell(ctx context.Context, opts shellOptions, a *app) error {
	db, err := a.open(ctx, !opts.Write)
	if err != nil {
		return err
	}
	defer db.Close()
	interactive := isTerminal(a.stdout) && a.stdin == os.Stdin && isTerminal(os.Stdin)
	err = queries.Shell(ctx, db, a.stdin, a.stdout, a.stderr, interactive)
	if errors.Is(err, io.EOF) || errors.Is(err, queries.ErrQuit) {
		return nil
	}
	return err
}

// exportOptions are the export command's flags.
type exportOptions struct {
	Format queries.Format // parquet only, for now
	Out    string         // folder to write to
}

// validate refuses a run without --out.
func (o *exportOptions) validate() error { return requireFlag("export", "--out DIR", o.Out) }

func (o *exportOptions) addFlags(f *pflag.FlagSet) {
	addFormatFlag(f, &o.Format, queries.FormatParquet, queries.FormatParquet)
	f.StringVar(&o.Out, "out", "", "folder to write the files to (created)")
}

func newExportCmd(a *app) *cobra.Command {
	return withOptions(&exportOptions{}, &cobra.Command{
		Use:     "export --format parquet --out DIR",
		Short:   "Write the core model and the KPI values as Parquet files for BI tools",
		Example: `  sipstat export --db sip.duckdb --format parquet --out parquet`,
		Args:    usageArgs(cobra.NoArgs),
	}, func(ctx context.Context, opts exportOptions, _ []string) error {
		return runExport(ctx, opts, a)
	})
}

func runExport(ctx context.Context, opts exportOptions, a *app) error {
	db, err := a.open(ctx, true)
	if err != nil {
		return err
	}
	defer db.Close()
	files, err := queries.Export(ctx, db, opts.Out)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(a.stdout, "%s\t%d\n", f.Path, f.Rows)
	}
	return nil
}
