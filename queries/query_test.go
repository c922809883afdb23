package queries

import (
	"database/sql"
	"strings"
	"testing"
	"time"
)

func TestParseQuery(t *testing.T) {
	q := mustParse(t, `-- description: Lead times by municipality,
--   last quarters.
-- grain: one row per quarter and municipality
-- param: quarters (int, default 8) how many quarters
-- param: as_of (date, default null) the as-of date
-- param: context (string, default child_placement) a context code
-- breakdown: period
-- suppress: median_days by n_due; within_target_share by n_due
select 1
`)
	if q.Name != "q" || q.Description != "Lead times by municipality, last quarters." {
		t.Fatalf("name %q description %q", q.Name, q.Description)
	}
	if q.Grain != "one row per quarter and municipality" {
		t.Fatalf("grain %q", q.Grain)
	}
	want := []Param{
		{"quarters", "int", "8", "how many quarters"},
		{"as_of", "date", "null", "the as-of date"},
		{"context", "string", "child_placement", "a context code"},
	}
	if len(q.Params) != len(want) {
		t.Fatalf("params %+v", q.Params)
	}
	for i := range want {
		if q.Params[i] != want[i] {
			t.Errorf("param %d = %+v, want %+v", i, q.Params[i], want[i])
		}
	}
	if len(q.Breakdown) != 1 || q.Breakdown[0] != "period" || q.Units["median_days"] != "n_due" || q.Units["within_target_share"] != "n_due" {
		t.Fatalf("breakdown %v units %v", q.Breakdown, q.Units)
	}

	args, err := q.Args(map[string]string{"quarters": "4"})
	if err != nil {
		t.Fatal(err)
	}
	got := args[0].(sql.NamedArg)
	if got.Name != "quarters" || got.Value != int64(4) {
		t.Errorf("quarters bound as %+v", got)
	}
	if v := args[1].(sql.NamedArg).Value; v != nil {
		t.Errorf("as_of default bound as %v, want NULL", v)
	}
	if v := args[2].(sql.NamedArg).Value; v != "child_placement" {
		t.Errorf("context default bound as %v", v)
	}
	args, err = q.Args(map[string]string{"as_of": "2026-10-05"})
	if err != nil {
		t.Fatal(err)
	}
	if v := args[1].(sql.NamedArg).Value; v != time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC) {
		t.Errorf("as_of bound as %v", v)
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a missing grain is refused", "-- description: x\nselect 1", "test/q.sql:1: header has no grain"},
		{"a missing description is refused", "-- grain: one row\nselect 1", "header has no description"},
		{"an unknown key names its line", "-- description: x\n-- grain: y\n-- params: a (int, default 1)\nselect 1", `test/q.sql:3: unknown header key "params"`},
		{"an unknown type is refused", "-- description: x\n-- grain: y\n-- param: a (integer, default 1)\nselect 1", `type "integer" is not one of`},
		{"a bad default is refused", "-- description: x\n-- grain: y\n-- param: a (int, default many)\nselect 1", `test/q.sql:3: param: default: a: "many" is not an int`},
		{"a param without default is refused", "-- description: x\n-- grain: y\n-- param: a (int) whatever\nselect 1", `no default`},
		{"a malformed suppress rule is refused", "-- description: x\n-- grain: y\n-- suppress: x_share over n\nselect 1", `want "<column> by <units column>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQuery("test/q.sql", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestArgsErrors(t *testing.T) {
	q := mustParse(t, "-- description: x\n-- grain: y\n-- param: n (int, default 1) n\nselect $n")
	if _, err := q.Args(map[string]string{"m": "1"}); err == nil || !strings.Contains(err.Error(), `unknown parameter "m" (known: n)`) {
		t.Errorf("unknown parameter: %v", err)
	}
	if _, err := q.Args(map[string]string{"n": "x"}); err == nil || !strings.Contains(err.Error(), `"x" is not an int`) {
		t.Errorf("bad int: %v", err)
	}
	if _, err := ParseParams([]string{"a=1", "b"}); err == nil {
		t.Error("a pair without = was accepted")
	}
	m, err := ParseParams([]string{"a=1", "s=x=y"})
	if err != nil || m["a"] != "1" || m["s"] != "x=y" {
		t.Errorf("ParseParams = %v, %v", m, err)
	}
}
