package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"
	"github.com/spf13/cobra"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/transform/suppress"
)

// kpiCSVHeader is a public interface: scripts depend on these columns in this
// order (new columns are only ever added at the end).
var kpiCSVHeader = []string{"kpi_id", "breakdown", "group", "value", "numerator", "denominator", "n", "suppressed",
	"preliminary", "status", "trend", "reference_value"}

func (a *app) kpiCommand() *cobra.Command {
	var (
		period, from, to, asOf, format string
		by, kpis, sources              []string
		doSuppress                     bool
	)
	cmd := &cobra.Command{
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
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			switch format {
			case "table", "csv", "json":
			default:
				return usageError{fmt.Errorf("kpi: --format %q: want table, csv or json", format)}
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
			params := transform.Params{Sources: sources, Settings: settings}
			if asOf != "" {
				t, err := time.Parse(time.DateOnly, asOf)
				if err != nil {
					return usageError{fmt.Errorf("kpi: --as-of %q: want YYYY-MM-DD", asOf)}
				}
				params.AsOf = &t
			}
			switch {
			case from != "" || to != "":
				f, err1 := time.Parse(time.DateOnly, from)
				t, err2 := time.Parse(time.DateOnly, to)
				if err1 != nil || err2 != nil {
					return usageError{fmt.Errorf("kpi: --from and --to take dates YYYY-MM-DD")}
				}
				if p, err = transform.DateRange(f, t); err != nil {
					return usageError{err}
				}
			case period != "":
				if p, err = transform.ParsePeriod(period); err != nil {
					return usageError{err}
				}
			default:
				at := params.AsOf
				if at == nil {
					t, err := transform.AsOf(ctx, db)
					if err != nil {
						return err
					}
					at = &t
				}
				p = transform.LatestCompleteQuarter(*at)
			}

			breakdowns := []string{"total"}
			for _, b := range by {
				for _, s := range strings.Split(b, ",") {
					if s = strings.TrimSpace(s); s != "" && !slices.Contains(breakdowns, s) {
						breakdowns = append(breakdowns, s)
					}
				}
			}
			filter := transform.Filter{Periods: []string{p.Label}, KPIIDs: kpis, Breakdowns: breakdowns}
			if slices.Contains(breakdowns, "all") {
				filter.Breakdowns = nil
			}

			var values []transform.Value
			if params.AsOf != nil || len(params.Sources) > 0 || !p.IsQuarter() {
				params.Periods = []transform.Period{p}
				if p.IsQuarter() {
					// The same quarter a year earlier, for the trend.
					if prev, err := transform.ParsePeriod(fmt.Sprintf("%dQ%d", p.Start.Year()-1, (int(p.Start.Month())+2)/3)); err == nil {
						params.Periods = []transform.Period{prev, p}
					}
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
			if doSuppress {
				transform.Suppress(values, settings.SmallNumberThreshold)
			}
			// The database's catalogue: with the survey questions of the
			// data and the targets it was built with.
			catalog, err := transform.LoadCatalog(ctx, db)
			if err != nil {
				return err
			}
			cat := map[string]transform.KPI{}
			for _, k := range catalog {
				cat[k.ID] = k
			}
			switch format {
			case "csv":
				return writeKPICSV(a.stdout, values)
			case "json":
				return writeKPIJSON(a.stdout, values, cat)
			default:
				return writeKPITable(a.stdout, values, cat)
			}
		},
	}
	f := cmd.Flags()
	f.StringVar(&period, "period", "", "quarter, e.g. 2026Q3 (default: latest complete quarter before the as-of date)")
	f.StringVar(&from, "from", "", "start of a custom period, YYYY-MM-DD (with --to)")
	f.StringVar(&to, "to", "", "end of a custom period, YYYY-MM-DD, inclusive")
	f.StringVar(&asOf, "as-of", "", "as-of date, YYYY-MM-DD (default: the extract's)")
	f.StringSliceVar(&sources, "source", nil, "only these sources (manifest source names)")
	f.StringSliceVar(&by, "by", nil, "breakdowns to add to the totals (repeatable or comma-separated; \"all\")")
	f.StringSliceVar(&kpis, "kpi", nil, "only these KPI ids")
	f.StringVar(&format, "format", "table", "output format: table, csv or json")
	f.BoolVar(&doSuppress, "suppress", false, "apply the small-number rule (for publication)")
	return cmd
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

func formatNumber(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

// csvFields renders one value as the public CSV columns.
func csvFields(v transform.Value) []string {
	judged := []string{strconv.FormatBool(v.Preliminary), v.Status, v.Trend, formatNumber(v.ReferenceValue)}
	switch {
	case v.NoData:
		return append([]string{v.KPIID, v.Breakdown, v.Group, suppress.NoData, "", "", "", "false"}, judged...)
	case v.Suppressed:
		return append([]string{v.KPIID, v.Breakdown, v.Group, suppress.Mark, suppress.Mark, suppress.Mark, suppress.Mark, "true"}, judged...)
	}
	return append([]string{v.KPIID, v.Breakdown, v.Group, formatNumber(v.Value), formatNumber(v.Numerator),
		formatNumber(v.Denominator), strconv.FormatInt(v.N, 10), "false"}, judged...)
}

func writeKPICSV(w io.Writer, values []transform.Value) error {
	cw := csv.NewWriter(w)
	cw.Write(kpiCSVHeader)
	for _, v := range values {
		cw.Write(csvFields(v))
	}
	cw.Flush()
	return cw.Error()
}

// kpiJSON is one value in --format json: numbers are numbers, null where
// there is none; a suppressed value has only suppressed = true.
type kpiJSON struct {
	Period      string   `json:"period"`
	KPIID       string   `json:"kpi_id"`
	Name        string   `json:"name"`
	Unit        string   `json:"unit"`
	Breakdown   string   `json:"breakdown"`
	Group       string   `json:"group"`
	GroupLabel  string   `json:"group_label,omitempty"`
	Value       *float64 `json:"value"`
	Numerator   *float64 `json:"numerator"`
	Denominator *float64 `json:"denominator"`
	N           *int64   `json:"n"`
	Excluded    int64    `json:"excluded"`
	NoData      bool     `json:"no_data"`
	Suppressed  bool     `json:"suppressed"`
	// Preliminary, Status, Trend and ReferenceValue: see sipstat help kpi.
	Preliminary    bool     `json:"preliminary"`
	Status         string   `json:"status"`
	Trend          string   `json:"trend"`
	ReferenceValue *float64 `json:"reference_value"`
}

func writeKPIJSON(w io.Writer, values []transform.Value, cat map[string]transform.KPI) error {
	out := make([]kpiJSON, 0, len(values))
	for _, v := range values {
		j := kpiJSON{Period: v.Period, KPIID: v.KPIID, Name: cat[v.KPIID].NameSV, Unit: string(cat[v.KPIID].Unit),
			Breakdown: v.Breakdown, Group: v.Group, GroupLabel: v.GroupLabel, Value: v.Value,
			Numerator: v.Numerator, Denominator: v.Denominator, Excluded: v.Excluded, NoData: v.NoData, Suppressed: v.Suppressed,
			Preliminary: v.Preliminary, Status: v.Status, Trend: v.Trend, ReferenceValue: v.ReferenceValue}
		if !v.Suppressed {
			n := v.N
			j.N = &n
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
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

// statusWords and trendWords are the Swedish words of the table output.
var (
	statusWords = map[string]string{transform.StatusMet: "uppfyllt", transform.StatusNotMet: "ej uppfyllt"}
	trendWords  = map[string]string{transform.TrendBetter: "bättre", transform.TrendWorse: "sämre", transform.TrendUnchanged: "oförändrat"}
)

func writeKPITable(w io.Writer, values []transform.Value, cat map[string]transform.KPI) error {
	t := table.NewWriter()
	t.SetOutputMirror(w)
	t.SetStyle(table.StyleLight)
	t.AppendHeader(table.Row{"KPI", "Namn", "Uppdelning", "Grupp", "Värde", "Täljare", "Nämnare", "n", "Mål", "Jämfört med året före"})
	t.SetColumnConfigs([]table.ColumnConfig{
		{Number: 2, WidthMax: 48},
		{Number: 5, Align: text.AlignRight},
		{Number: 6, Align: text.AlignRight},
		{Number: 7, Align: text.AlignRight},
		{Number: 8, Align: text.AlignRight},
	})
	prel := false
	for _, v := range values {
		k := cat[v.KPIID]
		group := v.GroupLabel
		if group == "" {
			group = v.Group
		}
		n := strconv.FormatInt(v.N, 10)
		num, den := formatNumber(v.Numerator), formatNumber(v.Denominator)
		if v.Suppressed {
			n, num, den = suppress.Mark, suppress.Mark, suppress.Mark
		}
		if v.NoData {
			n = suppress.NoData
		}
		shown := displayValue(v, k.Unit)
		if v.Preliminary && shown != "" && !v.NoData && !v.Suppressed {
			shown += " prel."
			prel = true
		}
		t.AppendRow(table.Row{v.KPIID, k.NameSV, v.Breakdown, group, shown, num, den, n, statusWords[v.Status], trendWords[v.Trend]})
	}
	t.Render()
	if prel {
		fmt.Fprintln(w, "prel. = preliminärt värde: perioden slutade för nära uttagsdatumet för att utfallet ska vara klart.")
	}
	return nil
}
