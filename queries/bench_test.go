package queries

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// BenchmarkRun writes a generated result of rows × 5 columns (int, double,
// date, text, bool) in each format to io.Discard; rows/s is reported.
func BenchmarkRun(b *testing.B) {
	ctx := context.Background()
	db, err := warehouse.Open(ctx, "", warehouse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, tc := range []struct {
		f    Format
		rows int
	}{{FormatCSV, 1_000_000}, {FormatJSON, 1_000_000}, {FormatParquet, 1_000_000}, {FormatXLSX, 100_000}, {FormatTable, 100_000}} {
		stmt := fmt.Sprintf(`select i as n_units, i * 0.5 as value, date '2026-01-01' + (i %% 365)::integer as day,
			'kommun ' || (i %% 290)::varchar as name, i %% 2 = 0 as is_even from range(%d) as t(i)`, tc.rows)
		b.Run(string(tc.f), func(b *testing.B) {
			for range b.N {
				st, err := RunSQL(ctx, db, stmt, io.Discard, Options{Format: tc.f})
				if err != nil {
					b.Fatal(err)
				}
				if st.Rows != int64(tc.rows) {
					b.Fatalf("%d rows", st.Rows)
				}
			}
			b.ReportMetric(float64(tc.rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
