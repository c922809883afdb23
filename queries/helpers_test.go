package queries

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// fixtureSQL is a small hand-made database: ten rows of lead-time figures
// per period and municipality, with counts chosen to exercise suppression.
const fixtureSQL = `
create table lead (
    period varchar, municipality_code varchar, n_sips bigint, n_due integer,
    within_target_share double, median_days decimal(6,1), first_need date, is_child boolean
);
insert into lead values
    ('2026Q1', '0180', 40, 30, 0.5, 12.5, '2026-01-03', true),
    ('2026Q1', '0181', 3, 3, 1.0, 8.0, '2026-01-09', false),
    ('2026Q1', '0182', 9, 7, 0.4285714285714286, 20.0, '2026-02-01', false),
    ('2026Q1', '0183', 0, 0, null, null, null, null),
    ('2026Q2', '0180', 50, 45, 0.6, 14.0, '2026-04-02', true),
    ('2026Q2', '0181', 12, 10, 0.7, 9.5, '2026-04-05', false),
    ('2026Q2', '0182', 2, 1, 0.0, 30.0, '2026-05-20', false),
    ('2026Q2', '0183', 4, 4, 0.25, 40.0, '2026-06-30', true);
comment on table lead is 'Ledtider (fixture).';
comment on column lead.period is 'Kvartal.';
`

// newFixtureDB creates the fixture in a database file and returns it opened
// with the given mode.
func newFixtureDB(t *testing.T, readOnly bool) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fixture.duckdb")
	db, err := warehouse.Open(ctx, path, warehouse.Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fixtureSQL); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = warehouse.Open(ctx, path, warehouse.Options{Threads: 1, ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func mustParse(t *testing.T, src string) *Query {
	t.Helper()
	q, err := ParseQuery("test/q.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return q
}
