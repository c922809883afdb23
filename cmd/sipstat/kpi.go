package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/transform/suppress"
)

// kpiOptions are the kpi command's flags.
type kpiOptions struct {
	Period   periodOptions
	AsOf     *time.Time // compute afresh at this as-of date
	Sources  []string   // compute afresh for these sources only
	By       []string   // breakdowns besides the totals; "all" for every one
	KPIs     []string   // only these KPI ids
	Format   queries.Format
	Suppress bool
}

func (o *kpiOptions) addFlags(f *pflag.FlagSet) {
	o.Period.addFlags(f, true)
	f.Var(dateFlag{&o.AsOf}, "as-of", "as-of date, YYYY-MM-DD (default: the extract's)")
	f.StringSliceVar(&o.Sources, "source", nil, "only these sources (manifest source names)")
	f.StringSliceVar(&o.By, "by", nil, "breakdowns to add to the totals (repeatable or comma-separated; \"all\")")
	f.StringSliceVar(&o.KPIs, "kpi", nil, "only these KPI ids")
	addFormatFlag(f, &o.Format, queries.FormatTable, queries.FormatTable, queries.FormatCSV, queries.FormatJSON)
	f.BoolVar(&o.Suppress, "suppress", false, "apply the small-number rule (for publication)")
}

func newKPICmd(a *app) *cobra.Command {
	return withOptions(&kpiOptions{}, &cobra.Command{
		Use:   "kpi [--period 2026Q3] [--by DIM] [--format table|csv|json] [--suppress]",
		Short: "Print KPI values for a period (totals and breakdowns)",
		Long: `Prints the KPI catalogue's values for one period: the totals, and with --by
the groups of each named breakdown (region, municipality, context, target_group,
age_band, sex, org_type, mode, … or "all"). The period defaults to the latest
complete quarter before the as-of date.

CSV columns (a stable interface): kpi_id,breakdown,group,value,numerator,
denominator,n,suppressed,preliminary,status,trend,reference_value. Totals have
breakdown "total" and an empty group. Shares are fractions 0…1, lead times
days. Output is exact unless --suppress is given: then counts 1–4 and figures
with fewer than 5 units behind them are shown as "..", with complementary
suppression within each breakdown. "-" means no data (an optional table was
not delivered).

  preliminary      true while the period's end + the KPI's observation window
                   (90 days for coverage, lead times …; the follow-up
                   tolerance for follow-up KPIs; 0 for counts) is after the
                   as-of date: the value can still change (kpis.md)
  status           met | not_met against a target set in the settings file's
                   [targets] (e.g. within_target_share = ">= 0.80"); none
                   without a target, for a preliminary or suppressed value
  trend            better | worse | unchanged against the same quarter a year
                   earlier, for the KPI's direction; unchanged = within random
                   variation (p ≥ 0.05: two-proportion test for shares,
                   Poisson test for counts; medians by the change only);
                   none for neutral KPIs or without a comparison
  reference_value  beside a municipality, its region's value; beside a region
                   (or the total), the nation's where the database holds all
                   regions; empty otherwise
Booleans are true/false. followups_overdue is a count at the as-of date: one
value, in the quarter containing it.

--as-of, --source and --from/--to compute the values afresh instead of reading
the stored ones (a quarter is computed with the one a year earlier, for the
trend).`,
		Example: `  sipstat kpi --db sip.duckdb
  sipstat kpi --period 2026Q2 --by municipality,age_band --format csv > kpi.csv
  sipstat kpi --kpi coverage,within_target_share --by all --suppress --format json
  sipstat kpi --from 2026-01-01 --to 2026-06-30 --kpi needs_detected
  sipstat kpi --as-of 2026-06-30 --kpi coverage --by municipality`,
		Args: usageArgs(cobra.NoArgs),
	}, func(ctx context.Context, opts kpiOptions, _ []string) error {
		return runKPI(ctx, opts, a)
	})
}

func runKPI(ctx context.Context, opts kpiOptions, a *app) error {
	p, settings, db, err := a.openForPeriod(ctx, opts.Period, opts.AsOf)
	if err != nil {
		return err
	}
	defer db.Close()
	filter := transform.Filter{Periods: []string{p.Label}, KPIIDs: opts.KPIs, Breakdowns: breakdowns(opts.By)}
	var values []transform.Value
	if opts.AsOf != nil || len(opts.Sources) > 0 || !p.IsQuarter() {
		params := transform.Params{Sources: opts.Sources, Settings: settings, AsOf: opts.AsOf, Periods: []transform.Period{p}}
		if p.IsQuarter() {
			// The same quarter a year earlier, for the trend.
			params.Periods = []transform.Period{p.YearAgo(), p}
		}
		values, err = transform.Compute(ctx, db, params)
		values = filterValues(values, filter)
	} else {
		values, err = transform.Values(ctx, db, filter)
	}
	if err != nil {
		return err
	}
	if len(values) == 0 {
		a.log.Warn("no KPI values for the period", "period", p.Label)
	}
	if opts.Suppress {
		transform.Suppress(values, settings.SmallNumberThreshold)
	}
	// The database's catalogue: with the survey questions of the data and
	// the targets it was built with.
	catalog, err := transform.LoadCatalog(ctx, db)
	if err != nil {
		return err
	}
	cat := map[string]transform.KPI{}
	for _, k := range catalog {
		cat[k.ID] = k
	}
	return writeKPIs(a.stdout, opts.Format, values, cat)
}

// breakdowns are the totals and the --by breakdowns, each once; nil (every
// breakdown) for "all".
func breakdowns(by []string) []string {
	out := []string{"total"}
	for _, b := range by {
		for _, s := range strings.Split(b, ",") {
			if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	if slices.Contains(out, "all") {
		return nil
	}
	return out
}

func filterValues(values []transform.Value, f transform.Filter) []transform.Value {
	var out []transform.Value
	for _, v := range values {
		if len(f.Periods) > 0 && !slices.Contains(f.Periods, v.Period) {
			continue
		}
		if len(f.KPIIDs) > 0 && !slices.Contains(f.KPIIDs, v.KPIID) {
			continue
		}
		if len(f.Breakdowns) > 0 && !slices.Contains(f.Breakdowns, v.Breakdown) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// writeKPIs writes the values in format f through queries' writer: CSV
// with the public columns, JSON with names, units and flags, and a table for
// people with Swedish headings and values as per cent or days.
func writeKPIs(w io.Writer, f queries.Format, values []transform.Value, cat map[string]transform.KPI) error {
	var (
		fields []queries.Field
		rows   = make([][]any, len(values))
		prel   bool
	)
	switch f {
	case queries.FormatCSV:
		fields = kpiCSVFields
		for i, v := range values {
			rows[i] = kpiCSVRow(v)
		}
	case queries.FormatJSON:
		fields = kpiJSONFields
		for i, v := range values {
			rows[i] = kpiJSONRow(v, cat[v.KPIID])
		}
	default:
		fields = kpiTableFields
		for i, v := range values {
			rows[i] = kpiTableRow(v, cat[v.KPIID])
			prel = prel || (v.Preliminary && v.Value != nil && !v.NoData && !v.Suppressed)
		}
	}
	if _, err := queries.WriteRows(w, f, fields, rows); err != nil {
		return err
	}
	if prel {
		_, err := fmt.Fprintln(w, "prel. = preliminärt värde: perioden slutade för nära uttagsdatumet för att utfallet ska vara klart.")
		return err
	}
	return nil
}

// kpiCSVFields are a public interface: scripts depend on these columns in
// this order (new columns are only ever added at the end).
var kpiCSVFields = []queries.Field{
	{Name: "kpi_id"}, {Name: "breakdown"}, {Name: "group"},
	{Name: "value", Kind: queries.KindFloat}, {Name: "numerator", Kind: queries.KindFloat},
	{Name: "denominator", Kind: queries.KindFloat}, {Name: "n", Kind: queries.KindInt},
	{Name: "suppressed", Kind: queries.KindBool}, {Name: "preliminary", Kind: queries.KindBool},
	{Name: "status"}, {Name: "trend"}, {Name: "reference_value", Kind: queries.KindFloat},
}

// kpiCSVRow is one value as the public CSV columns: "-" for no data, ".."
// for what the small-number rule hides.
func kpiCSVRow(v transform.Value) []any {
	judged := []any{v.Preliminary, v.Status, v.Trend, number(v.ReferenceValue)}
	hid := queries.Hidden{}
	switch {
	case v.NoData:
		return append([]any{v.KPIID, v.Breakdown, v.Group, suppress.NoData, nil, nil, nil, false}, judged...)
	case v.Suppressed:
		return append([]any{v.KPIID, v.Breakdown, v.Group, hid, hid, hid, hid, true}, judged...)
	}
	return append([]any{v.KPIID, v.Breakdown, v.Group, number(v.Value), number(v.Numerator),
		number(v.Denominator), v.N, false}, judged...)
}

// kpiJSONFields are the keys of --format json: numbers are numbers, null
// where there is none; a suppressed value has only suppressed = true.
var kpiJSONFields = []queries.Field{
	{Name: "period"}, {Name: "kpi_id"}, {Name: "name"}, {Name: "unit"},
	{Name: "breakdown"}, {Name: "group"}, {Name: "group_label"},
	{Name: "value", Kind: queries.KindFloat}, {Name: "numerator", Kind: queries.KindFloat},
	{Name: "denominator", Kind: queries.KindFloat}, {Name: "n", Kind: queries.KindInt},
	{Name: "excluded", Kind: queries.KindInt}, {Name: "no_data", Kind: queries.KindBool},
	{Name: "suppressed", Kind: queries.KindBool},
	{Name: "preliminary", Kind: queries.KindBool}, {Name: "status"}, {Name: "trend"},
	{Name: "reference_value", Kind: queries.KindFloat},
}

func kpiJSONRow(v transform.Value, k transform.KPI) []any {
	var n, label any = v.N, v.GroupLabel
	if v.Suppressed {
		n = nil
	}
	if v.GroupLabel == "" {
		label = nil
	}
	return []any{v.Period, v.KPIID, k.NameSV, string(k.Unit), v.Breakdown, v.Group, label,
		number(v.Value), number(v.Numerator), number(v.Denominator), n, v.Excluded, v.NoData, v.Suppressed,
		v.Preliminary, v.Status, v.Trend, number(v.ReferenceValue)}
}

// kpiTableFields are the Swedish headings of the table for people, in
// capitals as a table heading (query results keep their column names' case).
var kpiTableFields = []queries.Field{
	{Name: "KPI"}, {Name: "NAMN", MaxWidth: 48}, {Name: "UPPDELNING"}, {Name: "GRUPP"},
	{Name: "VÄRDE", Kind: queries.KindFloat}, {Name: "TÄLJARE", Kind: queries.KindFloat},
	{Name: "NÄMNARE", Kind: queries.KindFloat}, {Name: "N", Kind: queries.KindInt},
	{Name: "MÅL"}, {Name: "JÄMFÖRT MED ÅRET FÖRE"},
}

// statusWords and trendWords are the Swedish words of the table output.
var (
	statusWords = map[string]string{transform.StatusMet: "uppfyllt", transform.StatusNotMet: "ej uppfyllt"}
	trendWords  = map[string]string{transform.TrendBetter: "bättre", transform.TrendWorse: "sämre", transform.TrendUnchanged: "oförändrat"}
)

func kpiTableRow(v transform.Value, k transform.KPI) []any {
	group := v.GroupLabel
	if group == "" {
		group = v.Group
	}
	var num, den, n any = number(v.Numerator), number(v.Denominator), v.N
	switch {
	case v.NoData:
		n = suppress.NoData
	case v.Suppressed:
		num, den, n = queries.Hidden{}, queries.Hidden{}, queries.Hidden{}
	}
	shown := displayValue(v, k.Unit)
	if v.Preliminary && shown != "" && !v.NoData && !v.Suppressed {
		shown += " prel."
	}
	return []any{v.KPIID, k.NameSV, v.Breakdown, group, shown, num, den, n, statusWords[v.Status], trendWords[v.Trend]}
}

// number is a value for the writer: nil where there is none.
func number(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

// displayValue formats a value for people: per cent for shares, days, counts.
func displayValue(v transform.Value, unit transform.Unit) string {
	switch {
	case v.NoData:
		return suppress.NoData
	case v.Suppressed:
		return suppress.Mark
	case v.Value == nil:
		return ""
	}
	x := *v.Value
	switch unit {
	case transform.UnitShare:
		return strconv.FormatFloat(100*x, 'f', 1, 64) + " %"
	case transform.UnitCount:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case transform.UnitDays:
		return strconv.FormatFloat(x, 'f', 1, 64) + " d"
	default:
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
}
