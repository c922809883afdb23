package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// Exit statuses, documented in `sipstat --help`.
const (
	exitOK    = 0 // success (a load with rejected rows succeeds unless --strict)
	exitError = 1 // the command failed; the database is as it was before
	exitUsage = 2 // wrong flags or arguments
)

const exitStatusHelp = `
Exit status:
  0  success (a load that rejected some rows still succeeds, unless --strict)
  1  the command failed (bad input, refused extract, I/O error); a failed load
     leaves the database exactly as it was
  2  wrong command, flags or arguments (a date, period or format that does
     not parse, an unknown query or a bad --param)
`

// app holds what every command shares: the streams and the global flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger

	dbPath     string
	configPath string
	quiet      bool
	verbose    bool
	threads    int
	memLimit   string
}

// usageError marks errors that are the caller's wrong usage (exit 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// exitCode classifies an error by its type: the caller's usage (a
// usageError, or a query parameter queries refused) exits 2, anything else 1.
func exitCode(err error) int {
	var (
		usage usageError
		param *queries.ParamError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &usage), errors.As(err, &param):
		return exitUsage
	}
	return exitError
}

// usageArgs makes a cobra argument check's complaint a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "sipstat: %v\n", err)
	}
	return exitCode(err)
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "sipstat",
		Short: "SIP statistics: load anonymised extracts, compute the KPI catalogue, write the quarterly reports",
		Long: `sipstat turns an anonymised SIP extract (data contract v1: a folder of CSV,
XLSX or Parquet files) into a DuckDB database with a clean model and the KPI
catalogue, and writes the quarterly Excel workbook and HTML chart report.`,
		Example: `  sipstat sample --out extract          # a realistic synthetic extract
  sipstat load --db sip.duckdb extract  # validate, load, build the models
  sipstat kpi --db sip.duckdb --by municipality
  sipstat report --db sip.duckdb --out out`,
		// Without a command sipstat prints its help; a word that is no
		// command is a usage error (cobra's own check returns an untyped
		// error).
		Args:          usageArgs(cobra.NoArgs),
		RunE:          func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			level := slog.LevelInfo
			switch {
			case a.verbose:
				level = slog.LevelDebug
			case a.quiet:
				level = slog.LevelWarn
			}
			a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
			return nil
		},
	}
	root.SetUsageTemplate(root.UsageTemplate() + exitStatusHelp)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbPath, "db", envOr("SIPSTAT_DB", "sip.duckdb"), "DuckDB database file (env SIPSTAT_DB)")
	pf.StringVar(&a.configPath, "config", envOr("SIPSTAT_CONFIG", ""), "settings file (TOML; default ./sipstat.toml if present; env SIPSTAT_CONFIG)")
	pf.BoolVarP(&a.quiet, "quiet", "q", false, "only warnings and errors on stderr")
	pf.BoolVarP(&a.verbose, "verbose", "v", false, "debug logging on stderr")
	pf.IntVar(&a.threads, "threads", 0, "DuckDB threads (0 = one per core)")
	// A fixed default keeps peak memory bounded on an analyst's laptop
	// whatever the extract's size: DuckDB spills beyond it.
	pf.StringVar(&a.memLimit, "memory-limit", envOr("SIPSTAT_MEMORY_LIMIT", "2.5GB"), "DuckDB memory limit; DuckDB spills to disk beyond it (env SIPSTAT_MEMORY_LIMIT)")

	root.AddCommand(
		newSampleCmd(a),
		newLoadCmd(a),
		newTransformCmd(a),
		newKPICmd(a),
		newReportCmd(a),
		newQueryCmd(a),
		newSchemaCmd(a),
		newShellCmd(a),
		newExportCmd(a),
	)
	return root
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// open opens the database file; read-only unless the command writes.
func (a *app) open(ctx context.Context, readOnly bool) (*warehouse.DB, error) {
	if readOnly {
		if _, err := os.Stat(a.dbPath); err != nil {
			return nil, fmt.Errorf("database %s: %w (load an extract first: sipstat load --db %s DIR)", a.dbPath, err, a.dbPath)
		}
	}
	return warehouse.Open(ctx, a.dbPath, warehouse.Options{
		ReadOnly:    readOnly,
		Threads:     a.threads,
		MemoryLimit: a.memLimit,
	})
}

// openWithSettings reads the settings, then opens the database (read-only
// unless the command writes).
func (a *app) openWithSettings(ctx context.Context, readOnly bool) (transform.Settings, *warehouse.DB, error) {
	settings, err := a.settings()
	if err != nil {
		return settings, nil, err
	}
	db, err := a.open(ctx, readOnly)
	return settings, db, err
}

// settings reads the settings file: --config, else ./sipstat.toml if present,
// else the defaults of kpis.md.
func (a *app) settings() (transform.Settings, error) {
	path := a.configPath
	if path == "" {
		if _, err := os.Stat("sipstat.toml"); err == nil {
			path = "sipstat.toml"
		}
	}
	if path == "" {
		return transform.DefaultSettings(), nil
	}
	a.log.Debug("settings", "file", path)
	return transform.LoadSettings(path)
}

// isTerminal reports whether w is a terminal, for progress bars.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// withOptions completes a command: opts' flags on cmd, and a RunE that calls
// run with the options as parsed and the arguments, after opts' validate
// (if it has one) accepts them.
func withOptions[O any, P interface {
	*O
	flagAdder
}](opts P, cmd *cobra.Command, run func(ctx context.Context, opts O, args []string) error) *cobra.Command {
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if v, ok := any(opts).(interface{ validate() error }); ok {
			if err := v.validate(); err != nil {
				return err
			}
		}
		return run(c.Context(), *opts, args)
	}
	opts.addFlags(cmd.Flags())
	return cmd
}
