// Package transform turns the loaded raw.* tables into the clean model and
// the KPI catalogue: staging views → core tables → data-quality flags →
// kpi_catalog and kpi_values (see README.md). All SQL lives in sql/ and is
// embedded; settings reach it as bound parameters.
package transform

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sipstat/sipstat/contract"
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
// its join twice. persons is read by core/discharges only: writing its 1.2 M
// rows at 1 000 000 SIPs cost 0.6 CPU-s, reading staging through the view
// costs the discharges' join what the table did.
var coreViews = map[string]bool{"participants": true, "goal_reviews": true, "persons": true}

// families are the KPI families in catalogue order; each has sql/kpi/<family>.sql
// and a view kpi_<family>.
var families = []string{
	"coverage", "lead_times", "attendance", "participation", "goals",
	"follow_up", "plan", "consent", "closure", "deviations",
	"ways_of_working", "survey",
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

// prepare checks that an extract has been loaded (ingest creates every raw
// table and the load tables on the first load; their DDL lives there), then
// creates the staging views and the reference tables.
func (r *runner) prepare(ctx context.Context) error {
	have, err := stringSet(ctx, r.q, "params/loaded_tables.sql")
	if err != nil {
		return err
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
	if p.Municipality != "" {
		// The municipality's core models: read from the built ones when
		// they were built as of p's date with p's settings, else made
		// from its staging rows (scope.go).
		if err := r.scopeCore(ctx, p); err != nil {
			return err
		}
	}
	for _, m := range coreModels {
		if r.builtScope != "" {
			break
		}
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
	if err := r.execJSON(ctx, "catalog/dq_rule.sql", DQRules()); err != nil {
		return err
	}
	if r.builtScope != "" {
		return r.scopeFlags(ctx)
	}
	for _, rule := range DQRules() {
		if len(r.scoped) > 0 && !rule.KPIInput {
			continue
		}
		// The rule's query returns (source, row_id, sip_id) of the rows
		// breaking it; its id and table are bound.
		file, stmt, err := dqRuleSQL(rule)
		if err != nil {
			return err
		}
		if err := r.execText(ctx, file, "insert into dq_flags select ?, ?, source, row_id, sip_id from (", stmt, "\n)", rule.ID, rule.Table); err != nil {
			return err
		}
	}
	return nil
}

// dqRuleSQL returns the query of a data-quality rule and the file it comes
// from: sql/dq/rule.sql rendered with the rule's table, key and condition,
// or the rule's own sql/dq/<id>.sql.
func dqRuleSQL(rule DQRule) (file, stmt string, err error) {
	if rule.Where == "" {
		file = "dq/" + rule.ID + ".sql"
		stmt, err = sqlText(file)
		return file, stmt, err
	}
	t, ok := contract.Lookup(rule.Table)
	if !ok {
		return "", "", fmt.Errorf("catalog.toml: dq rule %s: no table %q in the contract", rule.ID, rule.Table)
	}
	key := make([]string, len(t.Key))
	for i, k := range t.Key {
		key[i] = "t." + warehouse.QuoteIdent(k)
	}
	stmt, err = renderSQL("dq/rule.sql", map[string]string{
		"ID": rule.ID, "Table": rule.Table, "Where": rule.Where,
		"RowID": strings.Join(key, " || '|' || "),
	})
	return "dq/rule.sql (" + rule.ID + ")", stmt, err
}

// finishBuild writes kpi_settings and the family views.
func (r *runner) finishBuild(ctx context.Context, asOf time.Time, s Settings) error {
	if err := r.exec(ctx, "catalog/settings.sql", ""); err != nil {
		return err
	}
	kv := settingRows(asOf, s)
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

// settingRows are the rows of kpi_settings for a Build as of asOf with s:
// (key, value), the build time as computed_at.
func settingRows(asOf time.Time, s Settings) [][2]string {
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
	return kv
}
