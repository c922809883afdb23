package transform

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/contract"
)

// TestCoreCodeColumnsAreSortedEnums: every code column a core table takes
// from the contract (and age_band, principal) is written as an ENUM, and
// every ENUM's codes are in byte order, so the column sorts and takes
// min/max as the VARCHAR it replaces did. A model that passes a code column
// through uncast (a VARCHAR written cell by cell) fails it.
func TestCoreCodeColumnsAreSortedEnums(t *testing.T) {
	db := fixtureDB(t, DefaultSettings(), "basic")
	ctx := context.Background()
	type col struct{ table, column string }
	types := map[col]string{}
	rows, err := db.QueryContext(ctx, `
		select c.table_name, c.column_name, c.data_type
		from duckdb_columns() as c
		inner join duckdb_tables() as t
			on t.database_name = c.database_name and t.schema_name = c.schema_name and t.table_name = c.table_name
		where c.database_name = current_database() and c.schema_name = 'main'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c col
		var typ string
		if err := rows.Scan(&c.table, &c.column, &typ); err != nil {
			t.Fatal(err)
		}
		types[c] = typ
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	var want []col
	for _, m := range coreModels {
		if coreViews[m] {
			continue
		}
		for _, name := range []string{"age_band", "principal"} {
			if _, ok := types[col{m, name}]; ok {
				want = append(want, col{m, name})
			}
		}
		tbl, ok := contract.Lookup(m)
		if !ok {
			continue
		}
		for _, c := range tbl.Columns {
			if c.Codes != nil {
				if _, ok := types[col{m, c.Name}]; !ok {
					t.Errorf("core table %s has no column %s of the contract", m, c.Name)
					continue
				}
				want = append(want, col{m, c.Name})
			}
		}
	}
	if len(want) < 25 {
		t.Fatalf("found %d code columns in the core tables, want at least 25: %v", len(want), want)
	}
	for _, c := range want {
		if got := types[c]; len(got) < 5 || got[:5] != "ENUM(" {
			t.Errorf("%s.%s is %s, want an ENUM of its codes", c.table, c.column, got)
		}
	}
	for c, typ := range types {
		if len(typ) < 5 || typ[:5] != "ENUM(" {
			continue
		}
		var joined string
		if err := db.QueryRowContext(ctx, "select array_to_string(enum_range(null::"+typ+"), chr(10))").Scan(&joined); err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.column, err)
		}
		codes := strings.Split(joined, "\n")
		if !slices.IsSorted(codes) || len(codes) == 0 {
			t.Errorf("%s.%s: the ENUM's codes %v are not in byte order", c.table, c.column, codes)
		}
	}
}

func TestEnumType(t *testing.T) {
	if got, want := enumType([]string{"b", "a'x", "b", "A"}), "enum('A', 'a''x', 'b')"; got != want {
		t.Errorf("enumType = %s, want %s", got, want)
	}
	if _, err := codeType("sips", "sip_id"); err == nil {
		t.Error("codeType(sips, sip_id): no error for a column without codes")
	}
	if got, err := codeType("meetings", "kind"); err != nil || got != "enum('follow_up', 'initial')" {
		t.Errorf("codeType(meetings, kind) = %s, %v", got, err)
	}
	if got, want := ageBandType(), "enum('0-12', '13-17', '18-64', '65-79', '80+')"; got != want {
		t.Errorf("ageBandType = %s, want %s", got, want)
	}
}
