package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/sampledata"
)

// sampleOptions are the sample command's flags.
type sampleOptions struct {
	Out      string
	SIPs     int
	Seed     int64
	AsOf     *time.Time // nil: the generator's default
	Counties string     // SCB county codes, comma-separated, or "all"
	Source   string
	Flaws    float64 // share of rows with data-quality flaws
	Rejects  float64 // share of rows the load rejects, besides Flaws
}

// validate refuses a run without --out.
func (o *sampleOptions) validate() error { return requireFlag("sample", "--out DIR", o.Out) }

func (o *sampleOptions) addFlags(f *pflag.FlagSet) {
	f.StringVar(&o.Out, "out", "", "folder to write the extract to (created)")
	f.IntVar(&o.SIPs, "sips", 0, "number of SIP processes (default: one region's three years)")
	f.Int64Var(&o.Seed, "seed", 1, "random seed; the same seed gives the same files")
	f.Var(dateFlag{&o.AsOf}, "as-of", "the extract's as-of date, YYYY-MM-DD (default 2026-10-05)")
	f.StringVar(&o.Counties, "counties", "", "SCB county codes, comma-separated, or \"all\" for the whole country")
	f.StringVar(&o.Source, "source", "", "the manifest's source name")
	// Real extracts are never perfect: by default a few rows carry the
	// flaws the data-quality report exists for. --flaws 0 gives a fully
	// consistent extract.
	f.Float64Var(&o.Flaws, "flaws", 0.002, "share of rows with realistic data-quality flaws and rejects (0 = fully consistent)")
	// A heavily flawed export for benchmarks and tests of the reject path:
	// --reject-rate 0.03 is make bench's heavy extract.
	f.Float64Var(&o.Rejects, "reject-rate", 0, "in addition to --flaws, about this share of all rows is rejected by the load (duplicate keys, cross-SIP references, their cascades), e.g. 0.03")
}

func newSampleCmd(a *app) *cobra.Command {
	return withOptions(&sampleOptions{}, &cobra.Command{
		Use:   "sample --out DIR",
		Short: "Write a realistic synthetic extract (data contract v1)",
		Long: `Writes a synthetic extract — every table of data contract v1 as CSV plus
manifest.json — that behaves like a real region: municipalities of different
sizes, three years of history up to the as-of date, persons of all ages, and
varying lead times, attendance, participation, goals, follow-up, consent,
deviations and survey answers. The same options give the same files.`,
		Example: `  sipstat sample --out extract
  sipstat sample --out extract-2026q2 --as-of 2026-07-05 --seed 7
  sipstat sample --out nation --sips 1000000 --counties all
  sipstat sample --out clean --flaws 0`,
		Args: usageArgs(cobra.NoArgs),
	}, func(ctx context.Context, opts sampleOptions, _ []string) error {
		return runSample(ctx, opts, a)
	})
}

func runSample(ctx context.Context, opts sampleOptions, a *app) error {
	gen := sampledata.Options{SIPs: opts.SIPs, Seed: opts.Seed, Source: opts.Source, FlawRate: opts.Flaws, RejectRate: opts.Rejects}
	if opts.AsOf != nil {
		gen.AsOf = *opts.AsOf
	}
	if opts.Counties != "" {
		gen.Counties = strings.Split(opts.Counties, ",")
	}
	if isTerminal(a.stderr) && !a.quiet {
		var bar *progressbar.ProgressBar
		gen.Progress = func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(a.stderr),
					progressbar.OptionSetDescription("generating SIPs"), progressbar.OptionShowCount(),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
		}
	}
	start := time.Now()
	stats, err := sampledata.Generate(ctx, opts.Out, gen)
	if err != nil {
		return err
	}
	var total int64
	for _, n := range stats.Rows {
		total += n
	}
	a.log.Info("sample written", "dir", opts.Out, "rows", total, "seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	return nil
}
