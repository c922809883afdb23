package model

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/transform/suppress"
	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

func query(name string) string {
	b, err := sqlFiles.ReadFile("sql/" + name)
	if err != nil {
		panic(fmt.Sprintf("reports/model: embedded %s missing: %v", name, err))
	}
	return string(b)
}

// Options select what one report covers.
type Options struct {
	// Period is the quarter to report; the zero Period means the latest
	// complete quarter before the as-of date.
	Period transform.Period
	// Municipality is a kommunkod for a municipality's report; "" for the region.
	Municipality string
	// Threshold is the small-number threshold (transform.Settings'
	// SmallNumberThreshold); 0 means suppress.DefaultThreshold.
	Threshold int
	// Created is the report's creation time; zero means now.
	Created time.Time
	// Settings are the settings the database was built with; a
	// municipality's report computes its own scope with them.
	Settings transform.Settings
	// Log, if set, gets each step's wall and CPU time at debug level.
	Log *slog.Logger
}

// TrendQuarters is how many quarters the trends show.
const TrendQuarters = 8

// Load reads one report's data from the database: the catalogue, the values
// of the period's 8-quarter trend (suppressed with the threshold), and the
// load and data-quality tables.
func Load(ctx context.Context, q warehouse.Querier, opts Options) (*Report, error) {
	threshold := opts.Threshold
	if threshold <= 0 {
		threshold = suppress.DefaultThreshold
	}
	asOf, err := transform.AsOf(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	period := opts.Period
	if period.Label == "" {
		period = transform.LatestCompleteQuarter(asOf)
	}
	if !period.IsQuarter() {
		return nil, fmt.Errorf("report: period %q: the quarterly report needs a quarter such as 2026Q3", period.Label)
	}
	defer StartStep(opts.Log, "model (all)").Done()
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	r := &Report{Meta: Meta{
		Period:       period,
		Trend:        period.Trend(TrendQuarters),
		AsOf:         asOf,
		Municipality: opts.Municipality,
		Created:      created,
		Threshold:    threshold,
	}}
	if r.Meta.Sources, err = readSources(ctx, q); err != nil {
		return nil, err
	}
	r.Meta.RegionCode, r.Meta.RegionName = regionOf(r.Meta.Sources)

	// The catalogue as built (kpi_catalog), not transform.Catalog(): Build
	// adds the per-question survey KPIs of the data and the targets of the
	// settings it ran with.
	catalog, err := transform.LoadCatalog(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	labels := make([]string, len(r.Meta.Trend))
	for i, p := range r.Meta.Trend {
		labels[i] = p.Label
	}
	// The period is read whole; the trend's other quarters only in the
	// breakdowns the report shows for them (trendBreakdowns). Suppression
	// works per period × KPI × breakdown against the period's total, so a
	// breakdown read alone is suppressed exactly as when read with the
	// rest; at national scale this skips the municipality rows of seven
	// quarters, seven eighths of what a full read returns.
	// The earlier quarters are read in two halves, so that with the period
	// they make reads that can run side by side (see readValues). An empty
	// Periods would select every period, hence the guard.
	filters := []transform.Filter{{Periods: []string{period.Label}}}
	earlier := labels[:len(labels)-1]
	for _, ps := range [][]string{earlier[:len(earlier)/2], earlier[len(earlier)/2:]} {
		if len(ps) > 0 {
			filters = append(filters, transform.Filter{Periods: ps, Breakdowns: trendBreakdowns()})
		}
	}
	// The delivery's data quality (load_rejects' reasons masked by three
	// regular expressions: 0.6 CPU-s at 1 000 000 SIPs with 620 000
	// rejected rows) is read on a connection of its own while the rest is
	// read, when q is a pool; it is the database's, also in a
	// municipality's report.
	_, pool := q.(interface {
		Conn(context.Context) (*sql.Conn, error)
	})
	var delivery func() (Quality, error)
	if pool {
		var dq Quality
		var dqErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			defer StartStep(opts.Log, "data quality (delivery)").Done()
			dq, dqErr = readDelivery(ctx, q)
		}()
		delivery = func() (Quality, error) {
			<-done
			return dq, dqErr
		}
		// Every return waits for it: the caller may close the database.
		defer delivery()
	}
	// A municipality's own scope (transform's temp tables on a connection
	// of its own) is computed while the region's values are read.
	var scopeResult func() ([]transform.Value, []SPCChart, error)
	if opts.Municipality != "" {
		p := transform.Params{Periods: slices.Clone(r.Meta.Trend), Settings: opts.Settings}
		scopeResult = func() ([]transform.Value, []SPCChart, error) {
			return scope(ctx, opts.Log, q, opts.Municipality, p, labels)
		}
		if pool {
			var vs []transform.Value
			var spc []SPCChart
			var err error
			done := make(chan struct{})
			go func() {
				defer close(done)
				defer StartStep(opts.Log, "municipality scope").Done()
				vs, spc, err = scope(ctx, opts.Log, q, opts.Municipality, p, labels)
			}()
			scopeResult = func() ([]transform.Value, []SPCChart, error) {
				<-done
				return vs, spc, err
			}
		}
	}
	st := StartStep(opts.Log, "region values")
	reads, err := readValues(ctx, q, threshold, filters...)
	st.Done()
	if err != nil {
		if scopeResult != nil {
			scopeResult()
		}
		return nil, err
	}
	values, earlierValues := reads[0], slices.Concat(reads[1:]...)
	for _, vs := range [][]transform.Value{values, earlierValues} {
		for i := range vs {
			v := &vs[i]
			v.Value, v.Numerator, v.Denominator = finite(v.Value), finite(v.Numerator), finite(v.Denominator)
		}
	}
	idx := indexValues(earlierValues, values)
	idx.units = make(map[string]transform.Unit, len(catalog))
	for _, k := range catalog {
		idx.units[k.ID] = k.Unit
	}
	// A municipality's report is about the municipality: every breakdown
	// of its own (transform's municipality scope), with the region's
	// value as the reference; the comparison by municipality stays the
	// region's.
	own := idx
	if opts.Municipality != "" {
		st := StartStep(opts.Log, "wait for the scope")
		scoped, spc, err := scopeResult()
		st.Done()
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		r.SPC = spc
		transform.Suppress(scoped, threshold)
		for i := range scoped {
			v := &scoped[i]
			v.Value, v.Numerator, v.Denominator = finite(v.Value), finite(v.Numerator), finite(v.Denominator)
		}
		own = indexValues(scoped)
		own.units = idx.units
		own.region = idx
		// The published values are the municipality's own.
		values = slices.DeleteFunc(scoped, func(v transform.Value) bool { return v.Period != period.Label })
	}
	order := make(map[string]int, len(catalog))
	for i, k := range catalog {
		order[k.ID] = i
	}
	sort.SliceStable(values, func(i, j int) bool {
		a, b := &values[i], &values[j]
		if oa, ob := order[a.KPIID], order[b.KPIID]; oa != ob {
			return oa < ob
		}
		if (a.Breakdown == "total") != (b.Breakdown == "total") {
			return a.Breakdown == "total"
		}
		if a.Breakdown != b.Breakdown {
			return a.Breakdown < b.Breakdown
		}
		return a.Group < b.Group
	})
	r.Published = values

	if opts.Municipality != "" {
		// Its name from its own values (the municipality breakdown of its
		// scope), else from the region's of the period.
		name, ok := own.municipalityName(opts.Municipality)
		if !ok {
			name, ok = idx.municipalityName(opts.Municipality)
		}
		if !ok {
			return nil, fmt.Errorf("report: municipality %q has no values in %s–%s", opts.Municipality, labels[0], labels[len(labels)-1])
		}
		r.Meta.MunicipalityName = name
	}

	st = StartStep(opts.Log, "labels, KPIs, matrices")
	if r.Labels, err = readLabels(ctx, q); err != nil {
		return nil, err
	}
	byFamily := map[string]*Family{}
	for _, k := range catalog {
		kp := buildKPI(k, r.Meta, own)
		r.KPIs = append(r.KPIs, kp)
		f := byFamily[k.Family]
		if f == nil {
			sv, en := r.FamilyLabel("sv", k.Family), r.FamilyLabel("en", k.Family)
			r.Families = append(r.Families, Family{ID: k.Family, NameSV: sv, NameEN: en})
			f = &r.Families[len(r.Families)-1]
			byFamily[k.Family] = f
		}
	}
	// Families were appended while pointers into the slice were taken; rebuild
	// the KPI lists now that the slice no longer grows.
	for i := range r.Families {
		r.Families[i].KPIs = nil
		for _, kp := range r.KPIs {
			if kp.Family == r.Families[i].ID {
				r.Families[i].KPIs = append(r.Families[i].KPIs, kp)
			}
		}
	}

	r.buildMatrices(own)
	st.Done()
	st = StartStep(opts.Log, "funnels, SPC, mapping")
	if r.FunnelPlots, err = readFunnels(ctx, q, r); err != nil {
		return nil, err
	}
	if opts.Municipality == "" {
		if r.SPC, err = readSPC(ctx, q); err != nil {
			return nil, err
		}
	}
	suppressSPC(r.SPC, threshold)
	// The control charts end with the report's period: a month after it
	// (the month of the as-of date) belongs to a later report.
	for i := range r.SPC {
		r.SPC[i].Points = slices.DeleteFunc(r.SPC[i].Points, func(p SPCPoint) bool { return p.Month.After(period.End) })
	}
	r.Funnel = buildFunnel(r)
	r.Mapping = buildMapping(r)
	st.Done()
	st = StartStep(opts.Log, "data quality")
	if delivery == nil {
		r.Quality, err = readDelivery(ctx, q)
	} else {
		r.Quality, err = delivery()
	}
	if err != nil {
		return nil, err
	}
	addExcluded(&r.Quality, r)
	st.Done()
	return r, nil
}

// KPI returns the catalogue entry with the given id, or nil.
func (r *Report) KPI(id string) *KPI {
	for _, k := range r.KPIs {
		if k.ID == id {
			return k
		}
	}
	return nil
}

type valueKey struct{ period, kpi, breakdown, group string }

type valueIndex struct {
	byKey map[valueKey]transform.Value
	// groups lists, per period × KPI × breakdown, the group codes in the
	// order the values came (by code).
	groups map[valueKey][]string
	// breakdowns lists per KPI the breakdowns seen, first-seen order.
	breakdowns map[string][]string
	// units is each catalogue KPI's unit.
	units map[string]transform.Unit
	// region is, in a municipality's own index, the region's index: the
	// comparison by municipality and the region's totals.
	region *valueIndex
}

// readValues reads the catalogue values of each filter and suppresses them
// with the threshold; every filter must select whole periods, as the
// small-number rule works within a period. When q is a pool of connections
// (a *sql.DB or *warehouse.DB) the reads run at the same time: scanning the
// rows is most of their cost and takes a core each.
func readValues(ctx context.Context, q warehouse.Querier, threshold int, filters ...transform.Filter) ([][]transform.Value, error) {
	out := make([][]transform.Value, len(filters))
	errs := make([]error, len(filters))
	read := func(i int) {
		vs, err := transform.Values(ctx, q, filters[i])
		if err != nil {
			errs[i] = fmt.Errorf("report: %w", err)
			return
		}
		transform.Suppress(vs, threshold)
		out[i] = vs
	}
	if _, pool := q.(interface {
		Conn(context.Context) (*sql.Conn, error)
	}); pool {
		var wg sync.WaitGroup
		for i := range filters {
			wg.Go(func() { read(i) })
		}
		wg.Wait()
	} else {
		for i := range filters {
			read(i)
		}
	}
	return out, errors.Join(errs...)
}

// trendBreakdowns are the breakdowns the report shows for the quarters
// before its period: the totals (trends, previous quarter, a year ago), the
// organisation types (attendance and absence matrices) and the deviation
// categories. A municipality's report takes its own trend from its scope
// (transform.ScopeTables), so it needs no earlier municipality rows of the
// region: at national scale they were 190 000 rows read and dropped.
func trendBreakdowns() []string {
	return []string{"total", "org_type", "category"}
}

func indexValues(lists ...[]transform.Value) *valueIndex {
	n := 0
	for _, values := range lists {
		n += len(values)
	}
	idx := &valueIndex{
		byKey:      make(map[valueKey]transform.Value, n),
		groups:     map[valueKey][]string{},
		breakdowns: map[string][]string{},
	}
	seen := map[[2]string]bool{}
	for _, values := range lists {
		for _, v := range values {
			idx.byKey[valueKey{v.Period, v.KPIID, v.Breakdown, v.Group}] = v
			if v.Breakdown == "total" {
				continue
			}
			gk := valueKey{v.Period, v.KPIID, v.Breakdown, ""}
			idx.groups[gk] = append(idx.groups[gk], v.Group)
			if !seen[[2]string{v.KPIID, v.Breakdown}] {
				seen[[2]string{v.KPIID, v.Breakdown}] = true
				idx.breakdowns[v.KPIID] = append(idx.breakdowns[v.KPIID], v.Breakdown)
			}
		}
	}
	return idx
}

func (idx *valueIndex) get(period, kpi, breakdown, group string) (transform.Value, bool) {
	v, ok := idx.byKey[valueKey{period, kpi, breakdown, group}]
	return v, ok
}

// figure returns the published figure. A group the catalogue has no row
// for, in a breakdown it has rows for in that period, had no units: a count
// is 0 and anything else not applicable ("."), as Kolada shows them. With
// no row of the breakdown at all the figure is missing ("-").
func (idx *valueIndex) figure(period, kpi, breakdown, group string) Figure {
	v, ok := idx.get(period, kpi, breakdown, group)
	if ok {
		return FigureOf(v)
	}
	if breakdown != "total" && len(idx.groups[valueKey{period, kpi, breakdown, ""}]) > 0 {
		if idx.units[kpi] == transform.UnitCount {
			zero := 0.0
			return Figure{Value: &zero}
		}
		return Figure{NotApplicable: true}
	}
	return Figure{NoData: true}
}

func (idx *valueIndex) municipalityName(code string) (string, bool) {
	for k, v := range idx.byKey {
		if k.breakdown == "municipality" && k.group == code {
			return v.GroupLabel, true
		}
	}
	return "", false
}

// headline returns the figure a report leads with: the total, or the
// municipality's group in a municipality report.
func (idx *valueIndex) headline(m Meta, period, kpi string) Figure {
	if m.Municipality != "" && idx.region == nil {
		return idx.figure(period, kpi, "municipality", m.Municipality)
	}
	return idx.figure(period, kpi, "total", "")
}

func buildKPI(k transform.KPI, m Meta, idx *valueIndex) *KPI {
	kp := &KPI{KPI: k, Headline: k.IsHeadline()}
	p := m.Period
	// region is the index of the whole region's values: idx itself in a
	// region report, the region's beside a municipality's own scope.
	region := idx
	if idx.region != nil {
		region = idx.region
	}
	ownB, ownG := "total", ""
	if m.Municipality != "" && idx.region == nil {
		ownB, ownG = "municipality", m.Municipality
	}
	kp.Current = idx.headline(m, p.Label, k.ID)
	kp.Previous = idx.headline(m, p.Previous().Label, k.ID)
	kp.YearAgo = idx.headline(m, p.YearAgo().Label, k.ID)
	kp.RegionTotal = region.figure(p.Label, k.ID, "total", "")
	kp.Steering = isSteering(k)
	v, ok := idx.get(p.Label, k.ID, ownB, ownG)
	kp.Status = statusOf(k, v, ok, kp.Current)
	for _, q := range m.Trend {
		kp.Trend = append(kp.Trend, Point{Period: q.Label, Figure: idx.headline(m, q.Label, k.ID)})
	}
	for i := len(kp.Trend) - 1; i >= 0; i-- {
		if f := kp.Trend[i].Figure; !f.Preliminary {
			kp.Final, kp.FinalPeriod = f, kp.Trend[i].Period
			break
		}
	}
	kp.Change = ChangeNone
	kp.Reference = Figure{NoData: true}
	if ok {
		kp.Change = changeOf(v)
		if ref := referenceOf(v); ref != nil {
			kp.Reference = Figure{Value: ref}
		}
	}
	if m.Municipality != "" && !kp.Reference.Shown() {
		kp.Reference = kp.RegionTotal
	}
	for _, b := range orderBreakdowns(k.Breakdowns, idx.breakdowns[k.ID]) {
		from := idx
		if b == "municipality" || b == "region" {
			// The comparison by municipality is the region's.
			from = region
		}
		if br, ok := from.breakdown(p.Label, k.ID, b); ok {
			kp.Breakdowns = append(kp.Breakdowns, br)
		}
	}
	if idx.region != nil && kp.Breakdown("municipality") == nil {
		if br, ok := region.breakdown(p.Label, k.ID, "municipality"); ok {
			kp.Breakdowns = append(kp.Breakdowns, br)
		}
	}
	return kp
}

// breakdown is a KPI's breakdown in a period with the groups idx holds, and
// whether it has any.
func (idx *valueIndex) breakdown(period, kpi, b string) (Breakdown, bool) {
	br := Breakdown{Name: b, Label: BreakdownLabel(b)}
	for _, g := range idx.groups[valueKey{period, kpi, b, ""}] {
		v, _ := idx.get(period, kpi, b, g)
		br.Groups = append(br.Groups, Group{Code: g, Label: groupLabel(v), Figure: FigureOf(v)})
	}
	return br, len(br.Groups) > 0
}

func groupLabel(v transform.Value) string {
	if v.GroupLabel != "" {
		return v.GroupLabel
	}
	return v.Group
}

// orderBreakdowns puts the catalogue's breakdowns first, in its order, then
// any other breakdown the values carry.
func orderBreakdowns(catalog, seen []string) []string {
	out := []string{}
	has := map[string]bool{}
	for _, b := range catalog {
		if b != "total" && !has[b] {
			has[b] = true
			out = append(out, b)
		}
	}
	rest := []string{}
	for _, b := range seen {
		if !has[b] {
			has[b] = true
			rest = append(rest, b)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func readSources(ctx context.Context, q warehouse.Querier) ([]Source, error) {
	var out []Source
	err := scanAll(ctx, q, "sources.sql", func(rows *sql.Rows) error {
		var s Source
		var region, version sql.NullString
		var extracted, loaded sql.NullTime
		if err := rows.Scan(&s.Name, &region, &version, &extracted, &loaded); err != nil {
			return err
		}
		s.RegionCode, s.ContractVersion = region.String, version.String
		s.ExtractedAt, s.LoadedAt = extracted.Time, loaded.Time
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
