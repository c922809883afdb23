// Package transform turns the loaded raw.* tables into the clean model and
// the KPI catalogue: staging views → core tables → data-quality flags →
// kpi_catalog and kpi_values (see README.md). All SQL lives in sql/ and is
// embedded; settings reach it as bound parameters.
package transform

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql
var sqlFiles embed.FS

// coreModels are the core tables in build order: a model reads only staging
// views, parameter tables and the models before it.
var coreModels = []string{
	"persons", "sips", "consents", "meetings", "participants", "goals",
	"goal_reviews", "interventions", "discharges", "deviations",
	"survey_questions", "survey_responses", "survey_answers", "population",
}

// coreViews are the core models built as views, not tables: cheap to read
// through (a join the KPIs would do anyway) and expensive to write. A
// participants table (1.4 M rows at 200 000 SIPs, with the meeting's facts)
// was the largest single cost of Build; goal_reviews is read by one KPI
// family and one data-quality rule, and writing it cost more than reading
// its join twice.
var coreViews = map[string]bool{"participants": true, "goal_reviews": true}

// families are the KPI families in catalogue order; each has sql/kpi/<family>.sql
// and a view kpi_<family>.
var families = []string{
	"coverage", "lead_times", "attendance", "participation", "goals",
	"follow_up", "plan", "consent", "closure", "deviations",
	"ways_of_working", "survey",
}

// traceExec, set by SIPSTAT_TRACE_SQL=1, prints each statement's wall and
// CPU time to stderr (the machine is shared, so wall time alone misleads).
var traceExec = os.Getenv("SIPSTAT_TRACE_SQL") != ""

// profileSQL, set by SIPSTAT_PROFILE_SQL=<part of a file name>, prints
// DuckDB's JSON profile of the matching statements to a file in the temp
// directory (they then run twice).
var profileSQL = os.Getenv("SIPSTAT_PROFILE_SQL")

func (r *runner) profile(ctx context.Context, file, stmt string, args ...any) {
	out := filepath.Join(os.TempDir(), "sipstat-profile-"+strings.NewReplacer("/", "-", ".sql", "").Replace(file)+".json")
	// Session settings only: the profile of the one statement goes to out.
	if _, err := r.q.ExecContext(ctx, "pragma enable_profiling = 'json'; set profiling_output = '"+out+"'"); err != nil {
		fmt.Fprintf(os.Stderr, "profile %s: %v\n", file, err)
		return
	}
	if _, err := r.q.ExecContext(ctx, stmt, args...); err != nil {
		fmt.Fprintf(os.Stderr, "profile %s: %v\n", file, err)
	}
	r.q.ExecContext(ctx, "pragma disable_profiling")
	fmt.Fprintf(os.Stderr, "profile %s: %s\n", file, out)
}

// Params select what Compute computes.
type Params struct {
	// AsOf is the as-of date; nil means the latest extracted_at of the sources.
	AsOf *time.Time
	// Sources limits the computation to these sources; empty means all.
	Sources []string
	// Periods are the periods to compute; empty means every quarter from
	// the first in the data to the one containing the as-of date.
	Periods []Period
	// Settings are the targets and rules; the zero value means DefaultSettings().
	Settings
	// Municipality, an SCB kommunkod, computes every model and breakdown
	// for that municipality only (a municipality scope: see ScopeValues);
	// "" for all. Compute only, never Build.
	Municipality string
}

// conner is what *sql.DB (and *warehouse.DB) has: a way to pin one
// connection, which the temp parameter tables need.
type conner interface {
	Conn(ctx context.Context) (*sql.Conn, error)
}

// pin returns a Querier bound to one connection and a function to release it.
func pin(ctx context.Context, q warehouse.Querier) (warehouse.Querier, func(), error) {
	if c, ok := q.(conner); ok {
		conn, err := c.Conn(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("transform: pin a connection: %w", err)
		}
		return conn, func() { conn.Close() }, nil
	}
	return q, func() {}, nil
}

// Build (re)builds staging, core, the data-quality flags, kpi_catalog,
// kpi_values, kpi_settings and the family views for all sources, as of the
// latest load_sources.extracted_at, and documents every table, view and
// column of main with COMMENT ON (sql/docs). Given a *sql.Conn or *sql.Tx (ingest's
// BeforeCommit) it runs inside the caller's transaction and never begins or
// commits one; given a pool (*sql.DB, *warehouse.DB) it runs in a transaction
// of its own. It is idempotent: every object is created or replaced.
func Build(ctx context.Context, q warehouse.Querier, s Settings) error {
	if err := s.Validate(); err != nil {
		return fmt.Errorf("transform: settings: %w", err)
	}
	// On a pool (not inside the caller's transaction), Build runs in a
	// transaction of its own on one pinned connection, so readers never see
	// a half-built model.
	var tx *sql.Tx
	var conn *sql.Conn
	session := q
	if c, ok := q.(conner); ok {
		var err error
		if conn, err = c.Conn(ctx); err != nil {
			return fmt.Errorf("transform: pin a connection: %w", err)
		}
		defer conn.Close()
		session = conn
	}
	restore, err := unorderedInserts(ctx, session)
	if err != nil {
		return err
	}
	defer restore()
	restoreCompression, err := withoutFSST(ctx, session)
	if err != nil {
		return err
	}
	defer restoreCompression()
	if conn != nil {
		if tx, err = conn.BeginTx(ctx, nil); err != nil {
			return fmt.Errorf("transform: begin: %w", err)
		}
		defer tx.Rollback()
		q = tx
	}
	r := &runner{q: q}
	if err := r.prepare(ctx); err != nil {
		return err
	}
	asOf, err := asOf(ctx, q, nil)
	if err != nil {
		return err
	}
	if err := r.pipeline(ctx, Params{AsOf: &asOf, Settings: s}); err != nil {
		r.dropParams(context.WithoutCancel(ctx))
		return err
	}
	if err := r.compare(ctx); err != nil {
		r.dropParams(context.WithoutCancel(ctx))
		return err
	}
	if err := r.finishBuild(ctx, asOf, s); err != nil {
		r.dropParams(context.WithoutCancel(ctx))
		return err
	}
	// Last, so every table and view it names exists: a recreated table has
	// lost its comments.
	if err := r.document(ctx); err != nil {
		r.dropParams(context.WithoutCancel(ctx))
		return err
	}
	if err := r.dropParams(ctx); err != nil {
		return err
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("transform: commit: %w", err)
		}
	}
	return nil
}

// Compute computes every KPI for p without writing any persistent table: the
// models are built as temp tables of one connection (which DuckDB allows on
// a read-only database), read, and dropped. The database must have been
// built (staging views and reference tables exist).
func Compute(ctx context.Context, q warehouse.Querier, p Params) ([]Value, error) {
	q, release, err := pin(ctx, q)
	if err != nil {
		return nil, err
	}
	defer release()
	r, err := computeTemp(ctx, q, p)
	if err != nil {
		return nil, err
	}
	defer r.dropTemp(context.WithoutCancel(ctx))
	return Values(ctx, q, Filter{})
}

// computeTemp runs the pipeline for p into temp tables of q (one pinned
// connection) and leaves them there; the caller drops them with
// r.dropTemp. On an error they are dropped already.
func computeTemp(ctx context.Context, q warehouse.Querier, p Params) (r *runner, err error) {
	if p.Settings.MeetingTargetDays == 0 {
		p.Settings = DefaultSettings()
	}
	if err := p.Settings.Validate(); err != nil {
		return nil, fmt.Errorf("transform: settings: %w", err)
	}
	var built int
	if err := q.QueryRowContext(ctx, `select count(*) from information_schema.tables where table_schema = 'staging' and table_name = 'stg_sips'`).Scan(&built); err != nil {
		return nil, fmt.Errorf("transform: compute: %w", err)
	}
	if built == 0 {
		return nil, errors.New("transform: compute: the database has no staging views; load an extract (or run Build) first")
	}
	r = &runner{q: q, temp: true}
	defer func() {
		if err != nil {
			r.dropTemp(context.WithoutCancel(ctx))
		}
	}()
	restore, err := unorderedInserts(ctx, q)
	if err != nil {
		return nil, err
	}
	defer restore()
	if p.AsOf == nil {
		a, err := asOf(ctx, q, p.Sources)
		if err != nil {
			return nil, err
		}
		p.AsOf = &a
	}
	if err := r.pipeline(ctx, p); err != nil {
		return nil, err
	}
	return r, nil
}

// AsOf returns the as-of date of the database: the latest extracted_at of
// all sources, else the latest date in the data.
func AsOf(ctx context.Context, q warehouse.Querier) (time.Time, error) {
	return asOf(ctx, q, nil)
}

func asOf(ctx context.Context, q warehouse.Querier, sources []string) (time.Time, error) {
	var t sql.NullTime
	joined := strings.Join(sources, "\x1f")
	if err := q.QueryRowContext(ctx, mustSQL("params/as_of.sql"), joined, joined).Scan(&t); err != nil {
		return time.Time{}, fmt.Errorf("transform: sql/params/as_of.sql: %w", err)
	}
	if !t.Valid {
		return time.Time{}, errors.New("transform: no as-of date: no source has extracted_at and there are no dated rows")
	}
	return t.Time.UTC(), nil
}

// unorderedInserts turns off DuckDB's preserve_insertion_order on the
// connection for the duration of a build: no model depends on row order
// (every read orders explicitly), and without it writing the core tables
// took about a third less time and the whole build about an eighth less CPU
// (50 000 SIPs, one thread). The returned function restores the
// connection's previous setting.
func unorderedInserts(ctx context.Context, q warehouse.Querier) (func(), error) {
	restore, err := warehouse.Override(ctx, q, warehouse.Setting{Name: "preserve_insertion_order", Value: "false"})
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	return restore, nil
}

// withoutFSST adds fsst to DuckDB's disabled_compression_methods while Build
// writes the persistent tables. Analysing every string segment for FSST was
// the largest single cost of writing the core tables (1.36 M participants:
// three code columns took 1.1 s CPU with it and 0.6 s without); our strings
// are short codes and ids that dictionary or plain storage keeps well. The
// setting is global to the database instance, so the returned function puts
// the previous value back; a Build inside ingest's transaction runs before
// anything else writes.
func withoutFSST(ctx context.Context, q warehouse.Querier) (func(), error) {
	restore, err := warehouse.Override(ctx, q, warehouse.Setting{Name: "disabled_compression_methods", Add: "fsst"})
	if err != nil {
		return nil, fmt.Errorf("transform: %w", err)
	}
	return restore, nil
}

// runner executes the embedded SQL on one connection. In temp mode every
// table it creates is a temp table (shadowing the persistent one of the same
// name for unqualified reads) and is remembered for dropping.
type runner struct {
	q       warehouse.Querier
	temp    bool
	created []string
	views   []string
}

func mustSQL(name string) string {
	b, err := sqlFiles.ReadFile("sql/" + name)
	if err != nil {
		panic("transform: missing embedded sql/" + name)
	}
	return string(b)
}

// exec runs an embedded file (or a prefix + the file's query on its first
// line, so DuckDB's LINE numbers stay those of the file).
func (r *runner) exec(ctx context.Context, file, prefix string, args ...any) error {
	return r.execWrapped(ctx, file, prefix, "", args...)
}

// execWrapped runs prefix + the file + suffix.
func (r *runner) execWrapped(ctx context.Context, file, prefix, suffix string, args ...any) error {
	stmt, err := sqlText(file)
	if err != nil {
		return err
	}
	if r.temp {
		stmt = strings.ReplaceAll(stmt, "create or replace table ", "create or replace temp table ")
	}
	if traceExec {
		t0, c0 := time.Now(), cpu.Time()
		defer func() {
			fmt.Fprintf(os.Stderr, "%8.1fms wall %8.1fms cpu %s\n", float64(time.Since(t0).Microseconds())/1000,
				float64((cpu.Time()-c0).Microseconds())/1000, file)
		}()
	}
	if profileSQL != "" && strings.Contains(file, profileSQL) {
		r.profile(ctx, file, prefix+stmt+suffix, args...)
	}
	if _, err := r.q.ExecContext(ctx, prefix+stmt+suffix, args...); err != nil {
		return fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return nil
}

// execSQL runs a statement rendered from an embedded template; what names
// it in an error.
func (r *runner) execSQL(ctx context.Context, what, stmt string) error {
	if _, err := r.q.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("transform: sql/%s: %w", what, err)
	}
	return nil
}

// execJSON runs a file whose one parameter is a JSON array of rows: many
// reference rows in one statement, still bound, never formatted into SQL.
func (r *runner) execJSON(ctx context.Context, file string, rows any) error {
	b, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return r.exec(ctx, file, "", string(b))
}

// createAs creates table name from the query in file.
func (r *runner) createAs(ctx context.Context, name, file string) error {
	kind := "table"
	if r.temp {
		kind = "temp table"
		r.created = append(r.created, name)
	}
	return r.exec(ctx, file, "create or replace "+kind+" "+warehouse.QuoteIdent(name)+" as ")
}

// createView creates view name from the query in file (a temp view in temp
// mode). A table of that name left by an older build is dropped first.
func (r *runner) createView(ctx context.Context, name, file string) error {
	if r.temp {
		r.views = append(r.views, name)
		return r.exec(ctx, file, "create or replace temp view "+warehouse.QuoteIdent(name)+" as ")
	}
	var tables int
	if err := r.q.QueryRowContext(ctx, `select count(*) from duckdb_tables() where database_name = current_database() and schema_name = 'main' and table_name = ?`, name).Scan(&tables); err != nil {
		return fmt.Errorf("transform: core/%s: %w", name, err)
	}
	if tables > 0 {
		if _, err := r.q.ExecContext(ctx, "drop table main."+warehouse.QuoteIdent(name)); err != nil {
			return fmt.Errorf("transform: core/%s: drop the old table: %w", name, err)
		}
	}
	return r.exec(ctx, file, "create or replace view main."+warehouse.QuoteIdent(name)+" as ")
}

// prepare checks that an extract has been loaded (ingest creates every raw
// table and the load tables on the first load; their DDL lives there), then
// creates the staging views and the reference tables.
func (r *runner) prepare(ctx context.Context) error {
	have := map[string]bool{}
	rows, err := r.q.QueryContext(ctx, mustSQL("params/loaded_tables.sql"))
	if err != nil {
		return fmt.Errorf("transform: sql/params/loaded_tables.sql: %w", err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		have[name] = true
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("transform: sql/params/loaded_tables.sql: %w", err)
	}
	want := []string{"main.load_sources", "main.load_files"}
	for _, t := range contract.Tables {
		want = append(want, "raw."+t.Name)
	}
	for _, name := range want {
		if !have[name] {
			return fmt.Errorf("transform: the database has no table %s: load an extract first (sipstat load)", name)
		}
	}
	if _, err := r.q.ExecContext(ctx, "create schema if not exists staging"); err != nil {
		return fmt.Errorf("transform: create schema staging: %w", err)
	}
	for _, t := range contract.Tables {
		// Staging passes the contract's columns through, so its views are
		// generated from the contract.
		cols := []string{"source"}
		for _, c := range t.Columns {
			cols = append(cols, c.Name)
		}
		stmt, err := renderSQL("staging/stg_table.sql", map[string]any{"Table": t.Name, "Columns": cols})
		if err != nil {
			return err
		}
		if err := r.execSQL(ctx, "staging/stg_table.sql ("+t.Name+")", "create or replace view staging."+warehouse.QuoteIdent("stg_"+t.Name)+" as "+stmt); err != nil {
			return err
		}
	}
	return r.refTables(ctx)
}

// refTables writes ref_municipalities (SCB's list, contract.SCBMunicipalities), ref_org_types and
// ref_codes (from the contract package) and ref_groups.
func (r *runner) refTables(ctx context.Context) error {
	if err := r.exec(ctx, "ref/create.sql", ""); err != nil {
		return err
	}
	var munis []map[string]string
	for _, m := range contract.SCBMunicipalities {
		munis = append(munis, map[string]string{"municipality_code": m.Code, "municipality_name": m.Name, "county_code": m.CountyCode, "county_name": m.CountyName})
	}
	if err := r.execJSON(ctx, "ref/municipality.sql", munis); err != nil {
		return err
	}
	var orgs []map[string]string
	for _, o := range contract.OrgTypes {
		orgs = append(orgs, map[string]string{"org_type": o.Code, "label": o.Label, "principal": string(o.Principal)})
	}
	if err := r.execJSON(ctx, "ref/org_type.sql", orgs); err != nil {
		return err
	}
	var codes []map[string]string
	for _, t := range contract.Tables {
		for _, c := range t.Columns {
			if c.Codes == nil {
				continue
			}
			for _, code := range c.Codes.Codes {
				codes = append(codes, map[string]string{"code_list": c.Codes.Name, "code": code.Code, "label": code.Label})
			}
		}
	}
	if err := r.execJSON(ctx, "ref/code.sql", codes); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/dedupe_codes.sql", ""); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/labels_create.sql", ""); err != nil {
		return err
	}
	var labels []map[string]string
	for _, l := range Labels() {
		labels = append(labels, map[string]string{"kind": l.Kind, "code": l.Code, "label_sv": l.SV, "label_en": l.EN})
	}
	if err := r.execJSON(ctx, "ref/label.sql", labels); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/group_labels.sql", ""); err != nil {
		return err
	}
	return r.createAs(ctx, "ref_groups", "core/ref_groups.sql")
}

// pipeline writes the parameter tables, the core models, the data-quality
// flags, kpi_catalog and kpi_values.
func (r *runner) pipeline(ctx context.Context, p Params) error {
	s := p.Settings
	if err := r.exec(ctx, "params/create.sql", ""); err != nil {
		return err
	}
	var children any
	if s.MeetingTargetDaysChildren > 0 {
		children = s.MeetingTargetDaysChildren
	}
	var municipality any
	if p.Municipality != "" {
		if !r.temp {
			return errors.New("transform: a municipality scope is computed by Compute or ScopeValues, never built")
		}
		municipality = p.Municipality
	}
	if err := r.exec(ctx, "params/kpi_params.sql", "", p.AsOf.Format(time.DateOnly), s.RegionName,
		s.MeetingTargetDays, children, s.FollowUpToleranceDays, s.ConsentValidityDays,
		s.DischargeSummonsDays, s.SmallNumberThreshold, s.ChildConsentRule, municipality); err != nil {
		return err
	}
	if p.Municipality != "" {
		if err := r.exec(ctx, "params/reference.sql", ""); err != nil {
			return err
		}
	}
	ctxs := make([]string, 0, len(s.MeetingTargetDaysByContext))
	for c := range s.MeetingTargetDaysByContext {
		ctxs = append(ctxs, c)
	}
	sort.Strings(ctxs)
	for _, c := range ctxs {
		if err := r.exec(ctx, "params/context_target.sql", "", c, s.MeetingTargetDaysByContext[c]); err != nil {
			return err
		}
	}
	if len(p.Sources) == 0 {
		if err := r.exec(ctx, "params/all_sources.sql", ""); err != nil {
			return err
		}
	}
	for _, src := range p.Sources {
		if err := r.exec(ctx, "params/source.sql", "", src); err != nil {
			return err
		}
	}
	if len(p.Periods) == 0 {
		if err := r.exec(ctx, "params/periods.sql", "insert into kpi_periods "); err != nil {
			return err
		}
	}
	for _, per := range p.Periods {
		if err := r.exec(ctx, "params/period.sql", "", per.Label, per.Start.Format(time.DateOnly), per.End.Format(time.DateOnly)); err != nil {
			return err
		}
	}
	if err := r.exec(ctx, "params/period_days.sql", ""); err != nil {
		return err
	}
	for _, m := range coreModels {
		create := r.createAs
		if coreViews[m] {
			create = r.createView
		}
		if err := create(ctx, m, "core/"+m+".sql"); err != nil {
			return err
		}
	}
	if err := r.dq(ctx); err != nil {
		return err
	}
	if err := r.catalog(ctx, s); err != nil {
		return err
	}
	if err := r.exec(ctx, "catalog/kpi_rows.sql", ""); err != nil {
		return err
	}
	for _, f := range families {
		if err := r.exec(ctx, "kpi/"+f+".sql", "insert into kpi_rows by name "); err != nil {
			return err
		}
	}
	return r.createAs(ctx, "kpi_values", "assemble/kpi_values.sql")
}

// dq writes dq_rules and, rule by rule, dq_flags.
func (r *runner) dq(ctx context.Context) error {
	if r.temp {
		r.created = append(r.created, "dq_rules", "dq_flags")
	}
	if err := r.exec(ctx, "catalog/dq_rules.sql", ""); err != nil {
		return err
	}
	var rules []map[string]string
	for _, rule := range DQRules() {
		rules = append(rules, map[string]string{"rule_id": rule.ID, "table_name": rule.Table, "description_sv": rule.DescriptionSV, "description_en": rule.DescriptionEN})
	}
	if err := r.execJSON(ctx, "catalog/dq_rule.sql", rules); err != nil {
		return err
	}
	for _, rule := range DQRules() {
		// The rule's file returns (source, row_id, sip_id) of the rows
		// breaking it; its id and table are bound.
		if err := r.execWrapped(ctx, "dq/"+rule.ID+".sql", "insert into dq_flags select ?, ?, source, row_id, sip_id from (", "\n)", rule.ID, rule.Table); err != nil {
			return err
		}
	}
	return nil
}

// catalog writes kpi_catalog: the embedded catalogue with the settings'
// targets, then the user audit's questions.
func (r *runner) catalog(ctx context.Context, s Settings) error {
	if r.temp {
		r.created = append(r.created, "kpi_catalog")
	}
	if err := r.exec(ctx, "catalog/create.sql", ""); err != nil {
		return err
	}
	kpis := CatalogWith(s)
	last := 0
	rows := make([]map[string]any, len(kpis))
	known := map[string]bool{}
	for i, k := range kpis {
		known[k.ID] = true
		var op any
		if k.TargetOp != "" {
			op = k.TargetOp
		}
		rows[i] = map[string]any{
			"kpi_id": k.ID, "family": k.Family, "name_sv": k.NameSV, "name_en": k.NameEN,
			"unit": string(k.Unit), "direction": k.Direction, "target": k.Target,
			"target_source": k.TargetSource, "definition_sv": k.DefinitionSV, "definition_en": k.DefinitionEN,
			"breakdowns": append([]string{}, k.Breakdowns...), "requires": append([]string{}, k.Requires...),
			"sort_order": k.Order, "target_op": op, "reference_line": k.ReferenceLine,
			"observation_window_days": k.ObservationWindowDays, "headline": k.Headline,
			"is_point_in_time": k.PointInTime, "is_detail": k.Detail,
			"family_sv": k.FamilySV, "family_en": k.FamilyEN, "unit_sv": k.UnitSV, "unit_en": k.UnitEN,
		}
		last = max(last, k.Order)
	}
	if err := r.execJSON(ctx, "catalog/kpi.sql", rows); err != nil {
		return err
	}
	if err := r.exec(ctx, "catalog/survey_questions.sql", "", strings.Join(surveyBreakdowns, ","), strings.Join(surveyTables, ","), last+10); err != nil {
		return err
	}
	return r.surveyOverrides(ctx, s, known)
}

// surveyOverrides applies the settings' targets and observation windows of
// per-question user-audit KPIs (survey_<question>…, known only from the
// data) to kpi_catalog; an id the data has no KPI for is an error naming it.
func (r *runner) surveyOverrides(ctx context.Context, s Settings, known map[string]bool) error {
	targets, err := s.ParseTargets()
	if err != nil {
		return fmt.Errorf("transform: settings: %w", err)
	}
	type override struct {
		KPIID  string   `json:"kpi_id"`
		Op     *string  `json:"target_op"`
		Target *float64 `json:"target"`
		Window *int     `json:"observation_window_days"`
	}
	byID := map[string]*override{}
	for id, t := range targets {
		if !known[id] {
			op, level := t.Op, t.Level
			byID[id] = &override{KPIID: id, Op: &op, Target: &level}
		}
	}
	for id, w := range s.ObservationWindowDays {
		if !known[id] {
			if byID[id] == nil {
				byID[id] = &override{KPIID: id}
			}
			w := w
			byID[id].Window = &w
		}
	}
	if len(byID) == 0 {
		return nil
	}
	var ids []string
	var list []*override
	for id, o := range byID {
		ids = append(ids, id)
		list = append(list, o)
	}
	sort.Strings(ids)
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	stmt := mustSQL("catalog/setting_override.sql")
	rows, err := r.q.QueryContext(ctx, stmt, TargetSourceSettings, string(b))
	if err != nil {
		return fmt.Errorf("transform: sql/catalog/setting_override.sql: %w", err)
	}
	found := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		found[id] = true
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("transform: sql/catalog/setting_override.sql: %w", err)
	}
	for _, id := range ids {
		if !found[id] {
			return fmt.Errorf("transform: settings: %s: no KPI with that id (a user-audit question id of the data is survey_<question_id>, with _mean or _top_box_share)", id)
		}
	}
	return nil
}

// finishBuild writes kpi_settings and the family views.
func (r *runner) finishBuild(ctx context.Context, asOf time.Time, s Settings) error {
	if err := r.exec(ctx, "catalog/settings.sql", ""); err != nil {
		return err
	}
	kv := [][2]string{
		{"as_of", asOf.Format(time.DateOnly)},
		{"computed_at", time.Now().UTC().Format(time.RFC3339)},
		{"sources", "all"},
		{"region_name", s.RegionName},
		{"meeting_target_days", strconv.Itoa(s.MeetingTargetDays)},
		{"meeting_target_days_children", strconv.Itoa(s.MeetingTargetDaysChildren)},
		{"follow_up_tolerance_days", strconv.Itoa(s.FollowUpToleranceDays)},
		{"consent_validity_days", strconv.Itoa(s.ConsentValidityDays)},
		{"discharge_summons_days", strconv.Itoa(s.DischargeSummonsDays)},
		{"small_number_threshold", strconv.Itoa(s.SmallNumberThreshold)},
		{"child_consent_rule", s.ChildConsentRule},
	}
	ctxs := make([]string, 0, len(s.MeetingTargetDaysByContext))
	for c := range s.MeetingTargetDaysByContext {
		ctxs = append(ctxs, c)
	}
	sort.Strings(ctxs)
	for _, c := range ctxs {
		kv = append(kv, [2]string{"meeting_target_days_by_context." + c, strconv.Itoa(s.MeetingTargetDaysByContext[c])})
	}
	settings := make([]map[string]string, len(kv))
	for i, p := range kv {
		settings[i] = map[string]string{"key": p[0], "value": p[1]}
	}
	if err := r.execJSON(ctx, "catalog/setting.sql", settings); err != nil {
		return err
	}
	if err := r.exec(ctx, "views/dq_summary.sql", "create or replace view dq_summary as "); err != nil {
		return err
	}
	// One view per family, alike but for the family: generated.
	for _, f := range families {
		stmt, err := renderSQL("views/kpi_family.sql", map[string]any{"Family": f})
		if err != nil {
			return err
		}
		if err := r.execSQL(ctx, "views/kpi_family.sql ("+f+")", "create or replace view "+warehouse.QuoteIdent("kpi_"+f)+" as "+stmt); err != nil {
			return err
		}
	}
	return nil
}

func (r *runner) dropParams(ctx context.Context) error {
	return r.exec(ctx, "params/drop.sql", "")
}

// dropTemp drops every temp table of a Compute, so the pooled connection
// shadows nothing afterwards.
func (r *runner) dropTemp(ctx context.Context) {
	for i := len(r.views) - 1; i >= 0; i-- {
		r.q.ExecContext(ctx, "drop view if exists temp."+warehouse.QuoteIdent(r.views[i]))
	}
	for i := len(r.created) - 1; i >= 0; i-- {
		r.q.ExecContext(ctx, "drop table if exists temp."+warehouse.QuoteIdent(r.created[i]))
	}
	r.dropParams(ctx)
}
