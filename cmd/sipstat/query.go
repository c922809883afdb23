package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sipstat/sipstat/queries"
)

func (a *app) queryCommand() *cobra.Command {
	var (
		params     []string
		format     string
		out        string
		list       bool
		statement  string
		doSuppress bool
	)
	cmd := &cobra.Command{
		Use:   "query [NAME] [--param k=v …] [--format table|csv|json|xlsx|parquet] [--out FILE]",
		Short: "Run a named query from queries/named, or any SELECT with --sql",
		Long: `Runs a named query (sipstat query --list shows them with their parameters)
or, with --sql, any single SELECT. Parameters are bound, never pasted into SQL.
The database is opened read-only: a statement that is not a SELECT is refused.
--suppress applies the small-number rule to the count and share columns for
output that will be published. xlsx and parquet need --out.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			f, err := queries.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			if list {
				return queries.WriteList(a.stdout, f)
			}
			if (len(args) == 0) == (statement == "") {
				return usageError{fmt.Errorf("query: give a query NAME or --sql \"SELECT …\" (see --list)")}
			}
			if (f == queries.FormatXLSX || f == queries.FormatParquet) && out == "" {
				return usageError{fmt.Errorf("query: --format %s writes a file: give --out FILE", f)}
			}
			values, err := queries.ParseParams(params)
			if err != nil {
				return usageError{err}
			}
			settings, err := a.settings()
			if err != nil {
				return err
			}
			db, err := a.open(ctx, true)
			if err != nil {
				return err
			}
			defer db.Close()
			w := a.stdout
			var file *os.File
			if out != "" {
				if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
					return err
				}
				if file, err = os.Create(out); err != nil {
					return err
				}
				defer file.Close()
				w = file
			}
			opt := queries.Options{Format: f, Suppress: doSuppress, Threshold: settings.SmallNumberThreshold, Warn: a.stderr}
			var stats queries.Stats
			if statement != "" {
				stats, err = queries.RunSQL(ctx, db, statement, w, opt)
			} else {
				q, lerr := queries.Lookup(args[0])
				if lerr != nil {
					return usageError{lerr}
				}
				stats, err = queries.Run(ctx, db, q, values, w, opt)
			}
			if err != nil {
				if file != nil {
					file.Close()
					os.Remove(out)
				}
				return err
			}
			if file != nil {
				if err := file.Close(); err != nil {
					return err
				}
				a.log.Info("query written", "file", out, "rows", stats.Rows)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&params, "param", nil, "query parameter name=value (repeatable)")
	f.StringVar(&format, "format", "table", "output format: table, csv, json, xlsx or parquet")
	f.StringVar(&out, "out", "", "write to this file instead of stdout (required for xlsx and parquet)")
	f.BoolVar(&list, "list", false, "list the named queries with their descriptions and parameters")
	f.StringVar(&statement, "sql", "", "run this SELECT instead of a named query")
	f.BoolVar(&doSuppress, "suppress", false, "apply the small-number rule to count and share columns")
	return cmd
}

func (a *app) schemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema [--db FILE]",
		Short: "Print the documented model (tables, columns, types, comments) as Markdown",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer db.Close()
			return queries.WriteSchema(cmd.Context(), db, a.stdout)
		},
	}
}

func (a *app) shellCommand() *cobra.Command {
	var write bool
	cmd := &cobra.Command{
		Use:   "shell [--db FILE]",
		Short: "An interactive SQL prompt with history and completion (.tables, .schema, .mode csv)",
		Long: `Opens an SQL prompt on the database (read-only unless --write) with history,
tab completion of table and column names, table output and the dot commands
.tables, .schema [TABLE], .mode table|csv|json, .help and .quit. Without a
terminal it reads statements from stdin, one per line.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := a.open(cmd.Context(), !write)
			if err != nil {
				return err
			}
			defer db.Close()
			interactive := isTerminal(a.stdout) && a.stdin == os.Stdin && isTerminal(os.Stdin)
			err = queries.Shell(cmd.Context(), db, a.stdin, a.stdout, a.stderr, interactive)
			if err == io.EOF || err == queries.ErrQuit {
				return nil
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&write, "write", false, "open the database read-write (no load may run meanwhile)")
	return cmd
}

func (a *app) exportCommand() *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format parquet --out DIR",
		Short: "Write the core model and the KPI values as Parquet files for BI tools",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.ToLower(format) != "parquet" {
				return usageError{fmt.Errorf("export: --format %q: only parquet is supported", format)}
			}
			if out == "" {
				return usageError{fmt.Errorf("export: --out DIR is required")}
			}
			db, err := a.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer db.Close()
			files, err := queries.Export(cmd.Context(), db, out)
			if err != nil {
				return err
			}
			for _, f := range files {
				fmt.Fprintf(a.stdout, "%s\t%d\n", f.Path, f.Rows)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "parquet", "export format (parquet)")
	cmd.Flags().StringVar(&out, "out", "", "folder to write the files to (created)")
	return cmd
}
