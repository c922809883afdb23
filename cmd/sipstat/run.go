package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

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
  2  wrong command, flags or arguments
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

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "sipstat: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage
	}
	return exitError
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "sipstat",
		Short: "SIP statistics: load anonymised extracts, compute the KPI catalogue, write the quarterly reports",
		Long: `sipstat turns an anonymised SIP extract (data contract v1: a folder of CSV,
XLSX or Parquet files) into a DuckDB database with a clean model and the KPI
catalogue, and writes the quarterly Excel workbook and HTML chart report.

Typical use:
  sipstat sample --out extract          # a realistic synthetic extract
  sipstat load --db sip.duckdb extract  # validate, load, build the models
  sipstat kpi --db sip.duckdb --by municipality
  sipstat report --db sip.duckdb --out out`,
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
	pf.StringVar(&a.memLimit, "memory-limit", envOr("SIPSTAT_MEMORY_LIMIT", "3GB"), "DuckDB memory limit; DuckDB spills to disk beyond it (env SIPSTAT_MEMORY_LIMIT)")

	root.AddCommand(
		a.sampleCommand(),
		a.loadCommand(),
		a.transformCommand(),
		a.kpiCommand(),
		a.reportCommand(),
		a.queryCommand(),
		a.schemaCommand(),
		a.shellCommand(),
		a.exportCommand(),
	)
	return root
}

// isCobraUsage recognises cobra's own usage errors (unknown command, wrong
// number of arguments), which it reports as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "accepts ", "requires at least", "requires at most", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
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
