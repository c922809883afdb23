package queries

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/xuri/excelize/v2"
)

const allLead = "select * from lead order by period, municipality_code"

func TestRunCSV(t *testing.T) {
	db := newFixtureDB(t, true)
	var b bytes.Buffer
	st, err := RunSQL(context.Background(), db, allLead, &b, Options{Format: FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	want := `period,municipality_code,n_sips,n_due,within_target_share,median_days,first_need,is_child
2026Q1,0180,40,30,0.5,12.5,2026-01-03,true
2026Q1,0181,3,3,1,8,2026-01-09,false
2026Q1,0182,9,7,0.4285714285714286,20,2026-02-01,false
2026Q1,0183,0,0,,,,
2026Q2,0180,50,45,0.6,14,2026-04-02,true
2026Q2,0181,12,10,0.7,9.5,2026-04-05,false
2026Q2,0182,2,1,0,30,2026-05-20,false
2026Q2,0183,4,4,0.25,40,2026-06-30,true
`
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
	if st.Rows != 8 {
		t.Errorf("rows = %d, want 8", st.Rows)
	}
}

func TestRunJSON(t *testing.T) {
	db := newFixtureDB(t, true)
	var b bytes.Buffer
	if _, err := RunSQL(context.Background(), db, allLead, &b, Options{Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != 8 {
		t.Fatalf("%d objects, want 8", len(got))
	}
	first := got[0]
	if first["municipality_code"] != "0180" || first["n_sips"] != float64(40) || first["first_need"] != "2026-01-03" || first["is_child"] != true || first["median_days"] != 12.5 {
		t.Errorf("first object = %v", first)
	}
	if got[3]["within_target_share"] != nil {
		t.Errorf("NULL share came out as %v", got[3]["within_target_share"])
	}
	if !strings.HasPrefix(b.String(), "[\n{\"period\":\"2026Q1\",\"municipality_code\":\"0180\"") {
		t.Errorf("keys are not in column order: %.80s", b.String())
	}
	// An empty result is an empty array.
	b.Reset()
	if _, err := RunSQL(context.Background(), db, "select * from lead where false", &b, Options{Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("empty result = %q", b.String())
	}
}

func TestRunTable(t *testing.T) {
	db := newFixtureDB(t, true)
	var b bytes.Buffer
	if _, err := RunSQL(context.Background(), db, "select period, n_sips, first_need from lead where municipality_code = '0181' order by 1", &b, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"period", "2026Q1", "2026-01-09", "│      3 │", "│     12 │"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestRunXLSX(t *testing.T) {
	db := newFixtureDB(t, true)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	q := mustParse(t, "-- description: d\n-- grain: g\n-- breakdown: period\n-- suppress: within_target_share by n_due\n"+allLead)
	if _, err := Run(context.Background(), db, q, nil, f, Options{Format: FormatXLSX, Suppress: true}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if sheets := x.GetSheetList(); len(sheets) != 1 || sheets[0] != "Resultat" {
		t.Fatalf("sheets = %v", sheets)
	}
	const sh = "Resultat"
	styleID, _ := x.GetCellStyle(sh, "A1")
	style, err := x.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header A1 is not bold (style %d, %+v)", styleID, style)
	}
	cell := func(ref string) string {
		v, err := x.GetCellValue(sh, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if cell("A1") != "period" || cell("C2") != "40" || cell("G2") != "2026-01-03" || cell("E2") != "0.5" {
		t.Errorf("row 2 = %s %s %s %s", cell("A1"), cell("C2"), cell("G2"), cell("E2"))
	}
	// Numbers are number cells, not text.
	for _, ref := range []string{"C2", "D2", "E2", "F2"} {
		ct, _ := x.GetCellType(sh, ref)
		if ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString {
			t.Errorf("%s is a text cell", ref)
		}
	}
	// Row 3 (0181 in 2026Q1, 3 SIPs) is suppressed, as text.
	if cell("C3") != ".." || cell("E3") != ".." {
		t.Errorf("suppressed row 3 = %s %s", cell("C3"), cell("E3"))
	}
}

func TestRunParquet(t *testing.T) {
	db := newFixtureDB(t, true)
	path := filepath.Join(t.TempDir(), "out.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RunSQL(context.Background(), db, allLead, f, Options{Format: FormatParquet}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tbl := readParquet(t, path)
	defer tbl.Release()
	if tbl.NumRows() != 8 || tbl.NumCols() != 8 {
		t.Fatalf("parquet has %d rows × %d columns, want 8 × 8", tbl.NumRows(), tbl.NumCols())
	}
	nSips := tbl.Column(2).Data().Chunk(0).(*array.Int64)
	if nSips.Value(0) != 40 || nSips.Value(7) != 4 {
		t.Errorf("n_sips = %v", nSips)
	}
	dates := tbl.Column(6).Data().Chunk(0).(*array.Date32)
	if got := dates.Value(0).ToTime().Format(time.DateOnly); got != "2026-01-03" || !dates.IsNull(3) {
		t.Errorf("first_need[0] = %s, null[3] = %v", got, dates.IsNull(3))
	}
	if tbl.Schema().Field(5).Type.ID() != arrow.FLOAT64 {
		t.Errorf("median_days is %s, want double", tbl.Schema().Field(5).Type)
	}
}

// readParquet reads a whole Parquet file with arrow-go.
func readParquet(t *testing.T, path string) arrow.Table {
	t.Helper()
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pf.Close() })
	r, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := r.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestSuppressDeclared(t *testing.T) {
	db := newFixtureDB(t, true)
	q := mustParse(t, "-- description: d\n-- grain: g\n-- breakdown: period\n-- suppress: within_target_share by n_due; median_days by n_due\n"+
		"select period, municipality_code, n_sips, n_due, within_target_share, median_days from lead order by period, municipality_code")
	var b bytes.Buffer
	if _, err := Run(context.Background(), db, q, nil, &b, Options{Format: FormatCSV, Suppress: true}); err != nil {
		t.Fatal(err)
	}
	// 2026Q1: 3 SIPs is hidden and, as the only hidden cell of the quarter,
	// takes the next smallest (9) with it; n_due likewise (3, then 7); the
	// shares and medians follow their n_due. 2026Q2: 2 and 4 are both hidden,
	// so no complement is needed. Zero stays 0.
	want := `period,municipality_code,n_sips,n_due,within_target_share,median_days
2026Q1,0180,40,30,0.5,12.5
2026Q1,0181,..,..,..,..
2026Q1,0182,..,..,..,..
2026Q1,0183,0,0,,
2026Q2,0180,50,45,0.6,14
2026Q2,0181,12,10,0.7,9.5
2026Q2,0182,..,..,..,..
2026Q2,0183,..,..,..,..
`
	if b.String() != want {
		t.Errorf("suppressed csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestSuppressByConvention(t *testing.T) {
	db := newFixtureDB(t, true)
	var b, warn bytes.Buffer
	stmt := `select municipality_code, n_sips, n_due as n_within_target, within_target_share, within_target_share as other_share
	         from lead where period = '2026Q1' order by municipality_code`
	if _, err := RunSQL(context.Background(), db, stmt, &b, Options{Format: FormatCSV, Suppress: true, Warn: &warn}); err != nil {
		t.Fatal(err)
	}
	// within_target_share pairs with n_within_target by name; other_share has
	// no units column, so all of it is hidden (NULL stays empty).
	want := `municipality_code,n_sips,n_within_target,within_target_share,other_share
0180,40,30,0.5,..
0181,..,..,..,..
0182,..,..,..,..
0183,0,0,,
`
	if b.String() != want {
		t.Errorf("suppressed csv:\n%s\nwant:\n%s", b.String(), want)
	}
	if !strings.Contains(warn.String(), "column other_share: no units column") {
		t.Errorf("warning = %q", warn.String())
	}
}

func TestSuppressThreshold(t *testing.T) {
	db := newFixtureDB(t, true)
	var b bytes.Buffer
	stmt := "select municipality_code, n_sips from lead where period = '2026Q2' order by 1"
	if _, err := RunSQL(context.Background(), db, stmt, &b, Options{Format: FormatCSV, Suppress: true, Threshold: 3}); err != nil {
		t.Fatal(err)
	}
	// With threshold 3 only the 2 is hidden, so the next smallest (4) goes too.
	want := "municipality_code,n_sips\n0180,50\n0181,12\n0182,..\n0183,..\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestCheckSelect(t *testing.T) {
	db := newFixtureDB(t, true)
	ctx := context.Background()
	for _, ok := range []string{
		"select 1",
		"with x as (select 1 as a) select a from x;",
		"from lead",
		"  -- a comment first\nselect count(*) from lead",
	} {
		if err := CheckSelect(ctx, db, ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"drop table lead",
		"delete from lead",
		"create table x as select 1",
		"copy lead to '/tmp/x.csv'",
		"select 1; drop table lead",
		"select 1; select 2",
		"attach 'other.duckdb'",
		"pragma version",
	} {
		err := CheckSelect(ctx, db, bad)
		if !errors.Is(err, ErrNotSelect) {
			t.Errorf("%q: err = %v, want ErrNotSelect", bad, err)
		}
	}
}

func TestNonSelectRefusedReadOnly(t *testing.T) {
	db := newFixtureDB(t, true)
	ctx := context.Background()
	var b bytes.Buffer
	_, err := RunSQL(ctx, db, "drop table lead", &b, Options{})
	if !errors.Is(err, ErrNotSelect) {
		t.Fatalf("drop in read-only mode: err = %v, want ErrNotSelect", err)
	}
	_, err = RunSQL(ctx, db, "select 1; drop table lead", &b, Options{})
	if !errors.Is(err, ErrNotSelect) {
		t.Fatalf("select then drop: err = %v, want ErrNotSelect", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from lead").Scan(&n); err != nil || n != 8 {
		t.Fatalf("lead has %d rows after the refused statements (%v), want 8", n, err)
	}
	if b.Len() != 0 {
		t.Errorf("refused statement wrote output: %q", b.String())
	}
}

func TestParameterWithSQLIsBound(t *testing.T) {
	db := newFixtureDB(t, false)
	ctx := context.Background()
	q := mustParse(t, "-- description: d\n-- grain: g\n-- param: municipality (string, default 0180) a municipality code\n"+
		"select municipality_code, n_sips from lead where municipality_code = $municipality order by 1")
	evil := "0180' or '1'='1'; drop table lead; --"
	var b bytes.Buffer
	st, err := Run(ctx, db, q, map[string]string{"municipality": evil}, &b, Options{Format: FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != 0 || b.String() != "municipality_code,n_sips\n" {
		t.Errorf("the SQL in the parameter matched rows: %d\n%s", st.Rows, b.String())
	}
	var n int
	if err := db.QueryRowContext(ctx, "select count(*) from lead").Scan(&n); err != nil || n != 8 {
		t.Fatalf("lead has %d rows (%v), want 8: the parameter was executed", n, err)
	}
	// The same query with a plain value finds its rows.
	b.Reset()
	if st, err := Run(ctx, db, q, nil, &b, Options{Format: FormatCSV}); err != nil || st.Rows != 2 {
		t.Fatalf("default parameter: %d rows, %v", st.Rows, err)
	}
}

func TestSQLErrorNamesFileAndLine(t *testing.T) {
	db := newFixtureDB(t, true)
	q := mustParse(t, "-- description: d\n-- grain: g\nselect\n  n_sips, no_such_column\nfrom lead")
	_, err := Run(context.Background(), db, q, nil, &bytes.Buffer{}, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "test/q.sql:4:11: ") {
		t.Fatalf("err = %v, want it to start with test/q.sql:4:11:", err)
	}
}

func TestDecimalsPrintExactly(t *testing.T) {
	db := newFixtureDB(t, true)
	var b bytes.Buffer
	stmt := "select 0.1::decimal(5,1) as a, 123456789.123::decimal(18,3) as b, 1.5::decimal(38,10) as c, -0.07::decimal(4,2) as d"
	if _, err := RunSQL(context.Background(), db, stmt, &b, Options{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	if want := "a,b,c,d\n0.1,123456789.123,1.5,-0.07\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
