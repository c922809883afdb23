package transform

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// Build documents what it builds: sql/docs names no table or column the
// model lacks (the data test every_column_documented checks the other way,
// on every built database of TestDataTestsPassOnBuiltDatabases).
func TestDocsNameExistingObjects(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	stale, err := StaleDocs(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("transform/sql/docs documents %d tables/columns the model does not have:\n  %s",
			len(stale), strings.Join(stale, "\n  "))
	}
	// The family views' comments are generated, one set per family.
	var n int
	if err := db.QueryRowContext(t.Context(), `select count(*) from duckdb_columns()
		where table_name = 'kpi_ways_of_working' and comment like 'Trend mot samma kvartal året före:%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("kpi_ways_of_working.trend: %d documented columns, want 1", n)
	}
}

// Every table, view and column a Build leaves in main carries a comment
// (the data test every_column_documented, which TestDataTestsPassOnBuiltDatabases
// also runs on a generated sample), the tables the architecture names are
// there at all, and the data test reports an undocumented column.
func TestEveryCoreColumnHasAComment(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	if n, rows := runDataTest(t, db, "sql/tests/every_column_documented.sql"); n != 0 {
		t.Fatalf("%d tables/columns of main have no comment; add them to transform/sql/docs: %s", n, rows)
	}
	for _, name := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews",
		"interventions", "discharges", "deviations", "survey_questions", "survey_responses", "survey_answers",
		"population", "ref_municipalities", "ref_org_types", "ref_codes", "dq_rules", "dq_flags", "kpi_catalog", "kpi_values"} {
		var n int
		if err := db.QueryRowContext(t.Context(), `select count(*) from duckdb_tables() where schema_name = 'main' and table_name = ?
			union all by name select count(*) from duckdb_views() where schema_name = 'main' and view_name = ?
			order by 1 desc limit 1`, name, name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("core table %s is missing from the model", name)
		}
	}
	if _, err := db.ExecContext(t.Context(), "alter table sips add column not_documented integer"); err != nil {
		t.Fatal(err)
	}
	if n, rows := runDataTest(t, db, "sql/tests/every_column_documented.sql"); n != 1 || !strings.Contains(rows, "sips.not_documented") {
		t.Fatalf("the data test reported %d rows: %s; want sips.not_documented", n, rows)
	}
}

// document on a database that has only part of the model documents that
// part and skips the rest, so a stale comment can never abort a load.
func TestDocumentSkipsMissingTargets(t *testing.T) {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "part.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "create table sips (sip_id varchar, lead_time_days bigint, not_documented integer)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&runner{q: tx}).document(ctx); err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var table, col string
	if err := db.QueryRowContext(ctx, "select comment from duckdb_tables() where table_name = 'sips'").Scan(&table); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, "select comment from duckdb_columns() where table_name = 'sips' and column_name = 'lead_time_days'").Scan(&col); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(table, "SIP-processer") || !strings.HasPrefix(col, "Ledtid (dagar)") {
		t.Errorf("comments: table %q, lead_time_days %q", table, col)
	}
	stale, err := StaleDocs(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(stale, "meetings") || !slices.Contains(stale, "kpi_survey.trend") || slices.Contains(stale, "sips.sip_id") {
		t.Errorf("StaleDocs = %d entries, meetings listed %v", len(stale), slices.Contains(stale, "meetings"))
	}
}

func TestCommentTarget(t *testing.T) {
	for src, want := range map[string]string{
		"comment on table sips is 'x'":                 "sips",
		"comment on view kpi_plan is 'x'":              "kpi_plan",
		"comment on column sips.sip_id is 'it''s x'":   "sips.sip_id",
		"comment on column kpi_funnel.lower_95 is 'x'": "kpi_funnel.lower_95",
	} {
		got, err := commentTarget(src)
		if err != nil || got != want {
			t.Errorf("%s: %q, %v", src, got, err)
		}
	}
	if _, err := commentTarget("drop table sips"); err == nil {
		t.Error("a non-comment statement was accepted")
	}
}

func TestSplitStatements(t *testing.T) {
	src := "-- header; with a semicolon\ncomment on table a is 'x; y';\n\ncomment on column a.\"b;c\" is 'z';\n-- trailing\n"
	got := splitStatements(src)
	if len(got) != 2 {
		t.Fatalf("got %d statements: %+v", len(got), got)
	}
	if got[0].line != 2 || got[0].text != "comment on table a is 'x; y'" {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].line != 4 || got[1].text != "comment on column a.\"b;c\" is 'z'" {
		t.Errorf("second = %+v", got[1])
	}
}

// TestSharedColumnComment: a comment on column _.<column> documents that
// column in every existing table and view that has it, except where another
// statement documents it; with no such column anywhere it is stale.
func TestSharedColumnComment(t *testing.T) {
	shared := docStatement{text: "comment on column _.source is 'Källa: it''s x.'", target: "_.source"}
	own := docStatement{text: "comment on column load_sources.source is 'y'", target: "load_sources.source"}
	sts := []docStatement{shared, own}
	exists := map[string]bool{"sips": true, "sips.source": true, "meetings.source": true,
		"load_sources.source": true, "sips.sip_id": true}
	got := shared.expand(exists, sts)
	want := []string{
		`comment on column "meetings"."source" is 'Källa: it''s x.'`,
		`comment on column "sips"."source" is 'Källa: it''s x.'`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("expand =\n%q\nwant\n%q", got, want)
	}
	if got := own.expand(exists, sts); !slices.Equal(got, []string{own.text}) {
		t.Errorf("a table's own comment expands to %q", got)
	}
	if got := shared.expand(map[string]bool{"sips.sip_id": true}, sts); len(got) != 0 {
		t.Errorf("with no source column anywhere: %q, want none (stale)", got)
	}
}
