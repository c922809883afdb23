package queries

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"maps"
	"testing"
	"time"
)

// TestEveryNamedQueryRuns runs each shipped query with its defaults on the
// sample database, in every output format, and checks that each declared
// parameter is used and each suppress/breakdown column exists.
func TestEveryNamedQueryRuns(t *testing.T) {
	db := openSample(t)
	all, err := List()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 10 {
		t.Errorf("%d named queries, want at least 10", len(all))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			var b bytes.Buffer
			st, err := Run(context.Background(), db, q, nil, &b, Options{Format: FormatCSV})
			if err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&b).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d rows, columns %v", q.Name, st.Rows, recs[0])
			if st.Rows == 0 {
				t.Errorf("no rows on the sample")
			}
			if _, err := Run(context.Background(), db, q, nil, &bytes.Buffer{}, Options{Format: FormatCSV, Suppress: true}); err != nil {
				t.Errorf("with --suppress: %v", err)
			}
			for _, p := range q.Params {
				if !bytes.Contains([]byte(q.SQL), []byte("$"+p.Name)) {
					t.Errorf("parameter %s is declared but not used", p.Name)
				}
			}
		})
	}
}

// TestAnalysisWindow checks the window the named queries share: the last N
// quarters ending with the as-of date's quarter, computed here in Go from the
// as-of date, against the macro (--sql) and a named query that uses it.
func TestAnalysisWindow(t *testing.T) {
	db := openSample(t)
	ctx := context.Background()
	var asOf time.Time
	if err := db.QueryRowContext(ctx, "select max(extracted_at) from load_sources").Scan(&asOf); err != nil {
		t.Fatal(err)
	}
	quarterStart := time.Date(asOf.Year(), time.Month((int(asOf.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	if _, err := RunSQL(ctx, db, "select as_of, from_date from analysis_window(3)", &b, Options{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("as_of,from_date\n%s,%s\n", asOf.Format(time.DateOnly), quarterStart.AddDate(0, -6, 0).Format(time.DateOnly))
	if b.String() != want {
		t.Errorf("analysis_window(3) = %q, want %q", b.String(), want)
	}
	label := func(t time.Time) string { return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())+2)/3) }
	rows := runJSON(t, db, "child_participation", map[string]string{"quarters": "2"}, Options{})
	got := map[string]bool{}
	for _, r := range rows {
		got[r["quarter"].(string)] = true
	}
	wantQ := map[string]bool{label(quarterStart): true, label(quarterStart.AddDate(0, -3, 0)): true}
	if !maps.Equal(got, wantQ) {
		t.Errorf("child_participation quarters=2 covers %v, want %v", got, wantQ)
	}
}
