package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/reports"
)

// reportOptions are the report command's flags.
type reportOptions struct {
	Period       periodOptions
	Out          string // folder to write to
	Municipality string // SCB kommunkod; empty for the whole database
	Lang         string // sv or en
}

func (o *reportOptions) addFlags(f *pflag.FlagSet) {
	o.Period.addFlags(f, false)
	f.StringVar(&o.Out, "out", ".", "folder to write the reports to (created)")
	f.StringVar(&o.Municipality, "municipality", "", "one municipality's report (SCB kommunkod, e.g. 0180)")
	f.StringVar(&o.Lang, "lang", "sv", "report language: sv or en")
}

func newReportCmd(a *app) *cobra.Command {
	return withOptions(&reportOptions{}, &cobra.Command{
		Use:   "report [--period 2026Q3] [--out DIR] [--municipality KOMMUNKOD]",
		Short: "Write the quarterly Excel workbook and HTML chart report",
		Long: `Writes DIR/sip-rapport-<period>.xlsx and DIR/sip-rapport-<period>.html (with
-<kommunkod> for one municipality). Both are in Swedish (--lang en for English),
suppress small numbers, show no pseudonyms, and work offline: the HTML file has
the chart library inlined. The period defaults to the latest complete quarter
before the as-of date. Prints the paths written. A municipality's report reads
with one DuckDB thread unless --threads is given (its reads already run side by
side); --verbose logs each step's wall and CPU time.`,
		Example: `  sipstat report --db sip.duckdb --out out
  sipstat report --period 2026Q2 --municipality 0180 --out out/stockholm
  sipstat report --lang en --out out/en`,
		Args: usageArgs(cobra.NoArgs),
	}, func(ctx context.Context, opts reportOptions, _ []string) error {
		return runReport(ctx, opts, a)
	})
}

func runReport(ctx context.Context, opts reportOptions, a *app) error {
	if opts.Lang != "sv" && opts.Lang != "en" {
		return usageError{fmt.Errorf("report: --lang %q: want sv or en", opts.Lang)}
	}
	p, settings, db, err := a.openForPeriod(ctx, opts.Period, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	paths, err := reports.Write(ctx, db, reports.Options{
		Period: p, OutDir: opts.Out, Municipality: opts.Municipality, Lang: opts.Lang, Settings: settings,
		Threads: a.threads, Log: a.log,
	})
	if err != nil {
		return err
	}
	for _, path := range paths {
		fmt.Fprintln(a.stdout, path)
	}
	a.log.Info("report written", "period", p.Label, "seconds", fmt.Sprintf("%.2f", time.Since(start).Seconds()))
	return nil
}
