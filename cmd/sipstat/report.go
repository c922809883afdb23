package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sipstat/sipstat/reports"
	"github.com/sipstat/sipstat/transform"
)

func (a *app) reportCommand() *cobra.Command {
	var (
		period, out, municipality, lang string
	)
	cmd := &cobra.Command{
		Use:   "report [--period 2026Q3] [--out DIR] [--municipality KOMMUNKOD]",
		Short: "Write the quarterly Excel workbook and HTML chart report",
		Long: `Writes DIR/sip-rapport-<period>.xlsx and DIR/sip-rapport-<period>.html (with
-<kommunkod> for one municipality). Both are in Swedish (--lang en for English),
suppress small numbers, show no pseudonyms, and work offline: the HTML file has
the chart library inlined. The period defaults to the latest complete quarter
before the as-of date. Prints the paths written.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if lang != "sv" && lang != "en" {
				return usageError{fmt.Errorf("report: --lang %q: want sv or en", lang)}
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
			var p transform.Period
			if period != "" {
				if p, err = transform.ParsePeriod(period); err != nil {
					return usageError{err}
				}
			} else {
				asOf, err := transform.AsOf(ctx, db)
				if err != nil {
					return err
				}
				p = transform.LatestCompleteQuarter(asOf)
			}
			start := time.Now()
			paths, err := reports.Write(ctx, db, reports.Options{
				Period: p, OutDir: out, Municipality: municipality, Lang: lang, Settings: settings,
			})
			if err != nil {
				return err
			}
			for _, path := range paths {
				fmt.Fprintln(a.stdout, path)
			}
			a.log.Info("report written", "period", p.Label, "seconds", fmt.Sprintf("%.2f", time.Since(start).Seconds()))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&period, "period", "", "quarter, e.g. 2026Q3 (default: latest complete quarter before the as-of date)")
	f.StringVar(&out, "out", ".", "folder to write the reports to (created)")
	f.StringVar(&municipality, "municipality", "", "one municipality's report (SCB kommunkod, e.g. 0180)")
	f.StringVar(&lang, "lang", "sv", "report language: sv or en")
	return cmd
}
