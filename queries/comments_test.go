package queries

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// ApplyComments on a database that has only part of the model documents
// that part and skips the rest, so a stale comment can never abort a load.
func TestApplyCommentsSkipsMissingTargets(t *testing.T) {
	db := newFixtureDB(t, false)
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "create table sips (sip_id varchar, lead_time_days bigint, not_documented integer)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ApplyComments(ctx, tx); err != nil {
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
	missing, err := Undocumented(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sips.not_documented", "lead.n_sips"} {
		if !slices.Contains(missing, want) {
			t.Errorf("Undocumented = %v, want it to list %s", missing, want)
		}
	}
	if slices.Contains(missing, "sips.sip_id") || slices.Contains(missing, "lead") {
		t.Errorf("Undocumented lists documented objects: %v", missing)
	}
	stale, err := StaleComments(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(stale, "meetings") || slices.Contains(stale, "sips.sip_id") {
		t.Errorf("StaleComments = %d entries, meetings listed %v", len(stale), slices.Contains(stale, "meetings"))
	}
}

func TestCommentTarget(t *testing.T) {
	for src, want := range map[string]string{
		"comment on table sips is 'x'":               "sips",
		"comment on view kpi_plan is 'x'":            "kpi_plan",
		"comment on column sips.sip_id is 'it''s x'": "sips.sip_id",
	} {
		got, err := commentTarget(statement{text: src, line: 1})
		if err != nil || got != want {
			t.Errorf("%s: %q, %v", src, got, err)
		}
	}
	if _, err := commentTarget(statement{text: "drop table sips", line: 7}); err == nil || !strings.Contains(err.Error(), "comments.sql:7") {
		t.Errorf("a non-comment statement: %v", err)
	}
}
