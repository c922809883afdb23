package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sipstat/sipstat/sampledata"
)

func (a *app) sampleCommand() *cobra.Command {
	var (
		out      string
		sips     int
		seed     int64
		asOf     string
		counties string
		source   string
		flaws    float64
		rejects  float64
	)
	cmd := &cobra.Command{
		Use:   "sample --out DIR",
		Short: "Write a realistic synthetic extract (data contract v1)",
		Long: `Writes a synthetic extract — every table of data contract v1 as CSV plus
manifest.json — that behaves like a real region: municipalities of different
sizes, three years of history up to the as-of date, persons of all ages, and
varying lead times, attendance, participation, goals, follow-up, consent,
deviations and survey answers. The same options give the same files.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usageError{fmt.Errorf("sample: --out DIR is required")}
			}
			opt := sampledata.Options{SIPs: sips, Seed: seed, Source: source, FlawRate: flaws, RejectRate: rejects}
			if asOf != "" {
				t, err := time.Parse(time.DateOnly, asOf)
				if err != nil {
					return usageError{fmt.Errorf("sample: --as-of %q: want YYYY-MM-DD", asOf)}
				}
				opt.AsOf = t
			}
			if counties != "" {
				opt.Counties = strings.Split(counties, ",")
			}
			if isTerminal(a.stderr) && !a.quiet {
				var bar *progressbar.ProgressBar
				opt.Progress = func(done, total int) {
					if bar == nil {
						bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(a.stderr),
							progressbar.OptionSetDescription("generating SIPs"), progressbar.OptionShowCount(),
							progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
					}
					bar.Set(done)
				}
			}
			start := time.Now()
			stats, err := sampledata.Generate(cmd.Context(), out, opt)
			if err != nil {
				return err
			}
			var total int64
			for _, n := range stats.Rows {
				total += n
			}
			a.log.Info("sample written", "dir", out, "rows", total, "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", "", "folder to write the extract to (created)")
	f.IntVar(&sips, "sips", 0, "number of SIP processes (default: one region's three years)")
	f.Int64Var(&seed, "seed", 1, "random seed; the same seed gives the same files")
	f.StringVar(&asOf, "as-of", "", "the extract's as-of date, YYYY-MM-DD (default 2026-10-05)")
	f.StringVar(&counties, "counties", "", "SCB county codes, comma-separated, or \"all\" for the whole country")
	f.StringVar(&source, "source", "", "the manifest's source name")
	// Real extracts are never perfect: by default a few rows carry the
	// flaws the data-quality report exists for. --flaws 0 gives a fully
	// consistent extract.
	f.Float64Var(&flaws, "flaws", 0.002, "share of rows with realistic data-quality flaws and rejects (0 = fully consistent)")
	// A heavily flawed export for benchmarks and tests of the reject path:
	// --reject-rate 0.03 is make bench's heavy extract.
	f.Float64Var(&rejects, "reject-rate", 0, "in addition to --flaws, about this share of all rows is rejected by the load (duplicate keys, cross-SIP references, their cascades), e.g. 0.03")
	return cmd
}
