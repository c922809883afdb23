package transform

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

// dataTests returns the data tests of sql/tests: SQL returning the rows that
// break a rule (dbt's data tests), so none is a pass.
func dataTests(t *testing.T) []string {
	t.Helper()
	files, err := fs.Glob(sqlFiles, "sql/tests/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no data tests in sql/tests (%v)", err)
	}
	return files
}

// runDataTest runs one data test and returns how many rows break its rule
// and the first of them, each rendered by DuckDB as a struct.
func runDataTest(t *testing.T, db *warehouse.DB, file string) (int, string) {
	t.Helper()
	var n int
	var first string
	query := "select count(*), coalesce(string_agg(t::varchar, '; ') filter (where rn <= 5), '') from (select row_number() over () as rn, * from (\n" +
		mustSQL(strings.TrimPrefix(file, "sql/")) + "\n)) as t"
	if err := db.QueryRowContext(context.Background(), query).Scan(&n, &first); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return n, first
}

func TestDataTestsPassOnBuiltDatabases(t *testing.T) {
	dbs := map[string]*warehouse.DB{
		"the basic and families fixtures": fixtureDB(t, DefaultSettings(), "basic", "families"),
		// A flawed sample has rejected rows: Load reports them, they are no error.
		"a generated sample with flaws": sampleDB(t, sampledata.Options{SIPs: 2000, Seed: 3}, DefaultSettings()),
	}
	for name, db := range dbs {
		var values int
		if err := db.QueryRowContext(t.Context(), `select count(*) from kpi_values where breakdown <> 'total'`).Scan(&values); err != nil {
			t.Fatal(err)
		}
		if values < 1000 {
			t.Fatalf("%s: only %d breakdown rows in kpi_values: the data tests would check too little", name, values)
		}
		for _, f := range dataTests(t) {
			t.Run(name+"/"+path.Base(f), func(t *testing.T) {
				if n, first := runDataTest(t, db, f); n > 0 {
					t.Errorf("%d rows break the rule: %s", n, first)
				}
			})
		}
	}
}

// TestBreakdownDataTestFindsAnUncataloguedBreakdown proves the data test can
// fail: a kpi_values row of a breakdown its KPI does not list is reported.
func TestBreakdownDataTestFindsAnUncataloguedBreakdown(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	// sips_per_10000 lists region and municipality only.
	if _, err := db.ExecContext(t.Context(), `insert into kpi_values by name
		select * replace ('sex' as breakdown, 'female' as group_value)
		from kpi_values where kpi_id = 'sips_per_10000' and breakdown = 'total' limit 1`); err != nil {
		t.Fatal(err)
	}
	n, rows := runDataTest(t, db, "sql/tests/kpi_values_breakdowns_in_catalog.sql")
	if want := "{'rn': 1, 'kpi_id': sips_per_10000, 'breakdown': sex, 'value_rows': 1}"; n != 1 || rows != want {
		t.Fatalf("the data test reported %d rows: %s; want 1: %s", n, rows, want)
	}
}

func TestBreakdownsAreTheCataloguedUnion(t *testing.T) {
	set, err := breakdownsOf("sips_per_10000", "needs_detected")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"region", "municipality", "context", "target_group", "age_band", "sex", "initiated_by"}
	if fmt.Sprint(set.names) != fmt.Sprint(want) {
		t.Errorf("breakdowns = %v, want %v", set.names, want)
	}
	if got, want := set.GroupBy("u", "period"), `group by grouping sets (("u"."period"), ("u"."period", "u"."region_code"), ("u"."period", "u"."municipality_code"), ("u"."period", "u"."context"), ("u"."period", "u"."target_group"), ("u"."period", "u"."age_band"), ("u"."period", "u"."sex"), ("u"."period", "u"."initiated_by"))`; got != want {
		t.Errorf("GroupBy =\n%s\nwant\n%s", got, want)
	}
	if _, err := breakdownsOf("no_such_kpi"); err == nil {
		t.Error("an unknown KPI id gave no error")
	}
	for _, f := range families {
		if _, err := sqlText("kpi/" + f + ".sql"); err != nil {
			t.Error(err)
		}
	}
}
