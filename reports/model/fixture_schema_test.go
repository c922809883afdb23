package model_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/warehouse"
)

// TestMain removes the pipeline's database (reporttest.Open) at the end.
func TestMain(m *testing.M) { reporttest.Main(m) }

// TestFixtureSchemaMatchesThePipeline keeps the hand-written fixture's DDL
// (reporttest/sql/fixture_schema.sql, a copy of the tables ingest and
// transform write) from drifting: each fixture table's columns, with their
// types and in their order, must be the real table's as the pipeline builds
// it. The staging views are declared with only the columns reports read, so
// for them the fixture's columns need only be among the real ones.
func TestFixtureSchemaMatchesThePipeline(t *testing.T) {
	fixture := tableColumns(t, reporttest.Fixture(t))
	real := tableColumns(t, reporttest.Open(t))
	if len(fixture) < 10 {
		t.Fatalf("the fixture declares %d tables, want at least 10", len(fixture))
	}
	for table, cols := range fixture {
		got, ok := real[table]
		switch {
		case !ok:
			t.Errorf("%s: in the fixture, not in the pipeline's database", table)
		case len(table) > 8 && table[:8] == "staging.":
			for _, c := range cols {
				if !slices.Contains(got, c) {
					t.Errorf("%s: the fixture's column %s is not the pipeline's (%v)", table, c, got)
				}
			}
		case !slices.Equal(cols, got):
			t.Errorf("%s: the fixture's columns differ from the pipeline's\nfixture:  %v\npipeline: %v", table, cols, got)
		}
	}
}

// tableColumns lists every table and view of db as schema.name → its
// columns as "name type", in order.
func tableColumns(t *testing.T, db *warehouse.DB) map[string][]string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), `
		select table_schema, table_name, column_name, data_type
		from information_schema.columns
		where table_catalog = current_database() and table_schema in ('main', 'staging')
		order by table_schema, table_name, ordinal_position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var schema, table, col, typ string
		if err := rows.Scan(&schema, &table, &col, &typ); err != nil {
			t.Fatal(err)
		}
		key := schema + "." + table
		out[key] = append(out[key], fmt.Sprintf("%s %s", col, typ))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
