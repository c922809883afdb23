package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

// ScopeValues computes every KPI, period and breakdown for one municipality
// (SCB kommunkod): the SIPs, meetings, goals, discharges, deviations, survey
// responses and population of that municipality only, so its org-type heat
// maps, box plots and every other breakdown are its own, never the
// region's. The values have the columns of kpi_values; reference_value is
// the region's value of the same period, KPI, breakdown and group: for the
// total (and the region and municipality rows) the municipality's region
// row of the built kpi_values, for the other breakdowns the built row of
// the same group when the database holds that one region (else none). The
// reference values come from the built kpi_values, so they exist only when
// p's as-of date is the built one (nil AsOf). p selects as for Compute
// (p.Municipality is set to municipality). Nothing persistent is written.
func ScopeValues(ctx context.Context, q warehouse.Querier, municipality string, p Params) ([]Value, error) {
	if err := checkMunicipality(ctx, q, municipality); err != nil {
		return nil, err
	}
	p.Municipality = municipality
	return Compute(ctx, q, p)
}

// ScopeTables computes the same municipality scope as ScopeValues into temp
// tables of conn — kpi_values, kpi_catalog, kpi_spc (the municipality's
// monthly p-charts), the core models the KPI files read (all of them when
// the scope is made from staging) and dq_flags (only the rules a KPI
// reads: kpi_input in catalog.toml) — that shadow
// the built ones for every unqualified read on conn, so SQL written for the
// region reads the municipality. release drops them (call it before conn
// is used for anything else). The core models are the built ones' rows of
// the municipality when the database was built as of p's date with p's
// settings for all sources (builtFits), else made from its staging rows.
func ScopeTables(ctx context.Context, conn *sql.Conn, municipality string, p Params) (release func(), err error) {
	if err := checkMunicipality(ctx, conn, municipality); err != nil {
		return nil, err
	}
	p.Municipality = municipality
	r, err := computeTemp(ctx, conn, p)
	if err != nil {
		return nil, err
	}
	// The municipality's own monthly SPC charts (temp kpi_spc).
	if err := r.spc(ctx); err != nil {
		r.dropTemp(context.WithoutCancel(ctx))
		return nil, err
	}
	return func() { r.dropTemp(context.WithoutCancel(ctx)) }, nil
}

func checkMunicipality(ctx context.Context, q warehouse.Querier, code string) error {
	if code == "" {
		return errors.New("transform: municipality scope: no municipality code")
	}
	var n int
	if err := q.QueryRowContext(ctx, `select count(*) from ref_municipalities where municipality_code = ?`, code).Scan(&n); err != nil {
		return fmt.Errorf("transform: municipality scope: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("transform: municipality scope: %q is not an SCB municipality code (kommunkod)", code)
	}
	return nil
}

// scopedTable is how a municipality scope keeps the rows of one staging
// table: by municipality_code (sql/scope/by_municipality.sql), as the rows
// of a scoped Parent table they belong to (sql/scope/by_parent.sql, a semi
// join on source and Key), or by a query of its own (File).
type scopedTable struct {
	Table  string // staging.stg_<Table>, kept into temp scope_stg_<Table>
	Parent string // the scoped table its rows belong to ("" = by municipality)
	Key    string // the column joining it to Parent (with source)
	File   string // its own query under sql/, if neither
	// ParentTable is the temp table of Parent's rows; "" means
	// scope_stg_<Parent>.
	ParentTable string
}

// scopedStaging are the staging tables a municipality scope filters to the
// municipality before anything else (temp tables scope_stg_<table>), in
// creation order (a parent before its children): the SIPs, discharges,
// deviations and survey responses of the municipality, and the rows that
// belong to them. survey_questions and population are read whole (small).
var scopedStaging = []scopedTable{
	{Table: "sips"},
	{Table: "discharges"},
	{Table: "persons", File: "scope/persons.sql"}, // of the SIPs and the discharges
	{Table: "consents", Parent: "sips", Key: "sip_id"},
	{Table: "meetings", Parent: "sips", Key: "sip_id"},
	{Table: "participants", Parent: "meetings", Key: "meeting_id"},
	{Table: "goals", Parent: "sips", Key: "sip_id"},
	{Table: "goal_reviews", Parent: "goals", Key: "goal_id"},
	{Table: "interventions", Parent: "sips", Key: "sip_id"},
	{Table: "deviations"},
	{Table: "survey_responses"},
	{Table: "survey_answers", Parent: "survey_responses", Key: "response_id"},
}

// sql returns the query keeping t's rows and the file it comes from.
func (t scopedTable) sql() (file, stmt string, err error) {
	if t.File != "" {
		stmt, err = sqlText(t.File)
		return t.File, stmt, err
	}
	file = "scope/by_municipality.sql"
	if t.Parent != "" {
		file = "scope/by_parent.sql"
	}
	parent := t.ParentTable
	if parent == "" {
		parent = "scope_stg_" + t.Parent
	}
	stmt, err = renderSQL(file, map[string]string{
		"Table": t.Table, "Staging": "stg_" + t.Table,
		"Parent": t.Parent, "ParentTable": parent, "Key": t.Key,
	})
	return file + " (" + t.Table + ")", stmt, err
}

// scopeStaging writes the municipality's staging rows into temp tables and
// makes the core and dq files read them: every core model of a scope kept
// only the municipality's rows already, but read (and joined) the whole
// national staging tables to find them — each model one scan, the
// participants and goal_reviews views one per reader. The models join
// these rows exactly as they joined the whole tables (inner joins on the
// SIP, meeting, goal or response they belong to), so every value is the
// same.
func (r *runner) scopeStaging(ctx context.Context) error {
	return r.keepStaging(ctx, scopedStaging)
}

// keepStaging writes the scope's rows of the staging tables ts into temp
// tables scope_stg_<table>, which the core and dq files then read.
func (r *runner) keepStaging(ctx context.Context, ts []scopedTable) error {
	for _, t := range ts {
		file, stmt, err := t.sql()
		if err != nil {
			return err
		}
		if err := r.createAsText(ctx, "scope_stg_"+t.Table, file, stmt); err != nil {
			return err
		}
		if r.scoped == nil {
			r.scoped = map[string]bool{}
		}
		r.scoped[t.Table] = true
	}
	return nil
}

var stagingRef = regexp.MustCompile(`\bstaging\.stg_(\w+)\b`)

// scopeSQL points a core or dq file's staging reads at the scope's temp
// tables (once scopeStaging has written them); other files unchanged.
func (r *runner) scopeSQL(file, stmt string) string {
	if len(r.scoped) == 0 || !(strings.HasPrefix(file, "core/") || strings.HasPrefix(file, "dq/")) {
		return stmt
	}
	return stagingRef.ReplaceAllStringFunc(stmt, func(ref string) string {
		if t := strings.TrimPrefix(ref, "staging.stg_"); r.scoped[t] {
			return "scope_stg_" + t
		}
		return ref
	})
}

// scopeCore makes the municipality scope's core models: from the built
// ones when they fit p (builtFits), else from the municipality's staging
// rows and the core files.
func (r *runner) scopeCore(ctx context.Context, p Params) error {
	fits, err := r.builtFits(ctx, p)
	if err != nil {
		return err
	}
	if fits && !p.fromStaging {
		return r.scopeFromBuilt(ctx, p.Municipality)
	}
	return r.scopeStaging(ctx)
}

// builtFits reports whether the built core models are the ones p's scope
// would compute, but for the other municipalities' rows: built (Build wrote
// kpi_settings) as of p's date for all sources with p's settings (the
// settings and the as-of date are all the core models and the
// data-quality rules read besides the rows), and every rule a KPI reads
// flags rows of a SIP only (builtFlagTables). Build computes a SIP's facts
// from that SIP's rows alone and a discharge's from its linked SIP
// (scope/built_discharges.sql), so keeping one municipality's rows of the
// built models gives what the scope's own models give.
func (r *runner) builtFits(ctx context.Context, p Params) (bool, error) {
	if len(p.Sources) > 0 || p.AsOf == nil {
		return false, nil
	}
	for _, rule := range DQRules() {
		if rule.KPIInput && !builtFlagTables[rule.Table] {
			return false, nil
		}
	}
	have, err := stringSet(ctx, r.q, "scope/built_model.sql")
	if err != nil || !have["kpi_settings"] {
		return false, err
	}
	built, err := stringSet(ctx, r.q, "scope/built_settings.sql")
	if err != nil {
		return false, err
	}
	want := map[string]bool{}
	for _, kv := range settingRows(*p.AsOf, p.Settings) {
		if kv[0] != "computed_at" {
			want[kv[0]+"="+kv[1]] = true
		}
	}
	return maps.Equal(built, want), nil
}

// builtTable is how a municipality scope keeps a built core model: the
// rows of its municipality (the table's municipality_code) or of its SIPs
// (BySIP), with sql/scope/built.sql, or by a query of its own (File).
type builtTable struct {
	Table string
	BySIP bool
	File  string
	// View makes it a temp view, not a table: a model one KPI file reads
	// scans only the columns that file reads (1 000 000 SIPs, 0180:
	// interventions 0.27 CPU-s to copy + 0.1 for plan.sql's read, 0.2
	// through the view; consents 0.23 + 0.15, 0.27–0.34 through the view
	// read twice by consent.sql).
	View bool
}

// builtScoped are the core models a municipality scope reads from the
// built ones, in creation order (sips first: the others follow its
// rows). They are the models the KPI, data-quality and comparison files
// read; participants and goal_reviews are views over them as in Build
// (builtViews), persons and survey_questions are read whole (no KPI file
// reads persons; the questions are the same for every municipality).
var builtScoped = []builtTable{
	{Table: "sips"},
	{Table: "meetings"},
	{Table: "consents", BySIP: true, View: true},
	{Table: "goals", BySIP: true},
	{Table: "interventions", BySIP: true, View: true},
	{Table: "discharges", File: "scope/built_discharges.sql"},
	{Table: "deviations"},
	{Table: "survey_responses"},
	{Table: "survey_answers"},
	{Table: "population"},
}

// builtViews are the core views of a scope from the built model, made by
// their core files over the scope's temp tables (as in Build).
var builtViews = []string{"participants", "goal_reviews"}

// builtStaging are the staging tables a scope from the built model still
// keeps the rows of (as scopeStaging does), for the core view over them:
// the participants of the scope's meetings. participants is read by three
// files (two KPI families and the SPC charts), each of which would scan
// the region's participants through the view; one semi join is cheaper
// (1 000 000 SIPs, municipality 0180: 0.7 s for the semi join instead of
// 1.5 s for the three reads). goal_reviews has one reader: its view reads
// the region's staging rows once.
var builtStaging = []scopedTable{
	{Table: "participants", Parent: "meetings", Key: "meeting_id", ParentTable: "meetings"},
}

// builtFlagTables are the tables whose data-quality flags a scope may read
// from the built dq_flags (scope/built_flags.sql): every row belongs to a
// SIP (its sip_id) and the rules on them read only that SIP's rows.
var builtFlagTables = map[string]bool{"sips": true, "consents": true, "meetings": true, "goals": true, "interventions": true}

// scopeFromBuilt writes the municipality's rows of the built core models
// into temp tables (and the core views over them), which shadow the built
// ones for the KPI files.
func (r *runner) scopeFromBuilt(ctx context.Context, municipality string) error {
	// The built tables are named with their database: a bare main.<table>
	// finds the scope's temp table of that name (temp.main) first.
	var database string
	if err := r.q.QueryRowContext(ctx, `select current_database()`).Scan(&database); err != nil {
		return fmt.Errorf("transform: municipality scope: %w", err)
	}
	for _, t := range builtScoped {
		file := t.File
		if file == "" {
			file = "scope/built.sql"
		}
		stmt, err := renderSQL(file, map[string]any{"Database": database, "Table": t.Table, "BySIP": t.BySIP})
		if err != nil {
			return err
		}
		if t.File == "" {
			file += " (" + t.Table + ")"
		}
		var args []any
		if !t.BySIP {
			args = append(args, municipality)
		}
		kind := "table"
		if t.View {
			// A view cannot hold a bound parameter.
			if !t.BySIP {
				return fmt.Errorf("transform: municipality scope: %s: a view by municipality", t.Table)
			}
			kind = "view"
			r.views = append(r.views, t.Table)
		} else {
			r.created = append(r.created, t.Table)
		}
		if err := r.execText(ctx, file, "create or replace temp "+kind+" "+warehouse.QuoteIdent(t.Table)+" as ", stmt, "", args...); err != nil {
			return err
		}
	}
	if err := r.keepStaging(ctx, builtStaging); err != nil {
		return err
	}
	for _, v := range builtViews {
		if err := r.createView(ctx, v, "core/"+v+".sql"); err != nil {
			return err
		}
	}
	r.builtScope = database
	return nil
}

// scopeFlags writes the scope's dq_flags from the built ones: the flags of
// the rules a KPI reads on rows of the scope's SIPs.
func (r *runner) scopeFlags(ctx context.Context) error {
	stmt, err := renderSQL("scope/built_flags.sql", map[string]any{"Database": r.builtScope})
	if err != nil {
		return err
	}
	for _, rule := range DQRules() {
		if !rule.KPIInput {
			continue
		}
		if err := r.execText(ctx, "scope/built_flags.sql", "insert into dq_flags ", stmt, "", rule.ID); err != nil {
			return err
		}
	}
	return nil
}
