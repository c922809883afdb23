package queries

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
)

func TestExportFixture(t *testing.T) {
	db := newFixtureDB(t, true)
	dir := filepath.Join(t.TempDir(), "export")
	files, err := Export(context.Background(), db, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Table != "lead" || files[0].Rows != 8 {
		t.Fatalf("exported %+v", files)
	}
	tbl := readParquet(t, files[0].Path)
	defer tbl.Release()
	if tbl.NumRows() != 8 {
		t.Fatalf("read back %d rows, want 8", tbl.NumRows())
	}
	codes := tbl.Column(1).Data().Chunk(0).(*array.String)
	if codes.Value(0) != "0180" {
		t.Errorf("municipality_code[0] = %q (codes must stay text)", codes.Value(0))
	}
	// A second export into the same folder replaces the files.
	again, err := Export(context.Background(), db, dir)
	if err != nil || len(again) != 1 || again[0].Rows != 8 {
		t.Fatalf("second export: %+v, %v", again, err)
	}
}

// Export of the sample's model: every table and view of main becomes a
// Parquet file that arrow-go reads back with the database's row count, and
// the core table sips comes back with the same rows (ids, codes as text,
// dates, lead times).
func TestExportSample(t *testing.T) {
	db := openSample(t)
	ctx := context.Background()
	dir := t.TempDir()
	files, err := Export(ctx, db, dir)
	if err != nil {
		t.Fatal(err)
	}
	byTable := map[string]ExportedFile{}
	for _, f := range files {
		byTable[f.Table] = f
	}
	for _, name := range []string{"sips", "meetings", "participants", "kpi_values", "kpi_catalog", "ref_municipalities"} {
		f, ok := byTable[name]
		if !ok {
			t.Errorf("%s was not exported", name)
			continue
		}
		var n int64
		if err := db.QueryRowContext(ctx, "select count(*) from main."+name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		tbl := readParquet(t, f.Path)
		if tbl.NumRows() != n || f.Rows != n {
			t.Errorf("%s: parquet has %d rows (COPY said %d), the database %d", name, tbl.NumRows(), f.Rows, n)
		}
		tbl.Release()
	}

	// Row by row for sips: a fingerprint of every row from the database and
	// from the Parquet file read with arrow-go.
	want := map[string]string{}
	eachRow(t, db, "select source, sip_id, municipality_code, need_detected_date, lead_time_days from sips", func(row func(dest ...any)) {
		var src, id, muni string
		var need time.Time
		var lead *int64
		row(&src, &id, &muni, &need, &lead)
		want[src+"/"+id] = fmt.Sprintf("%s %s %s", muni, need.Format(time.DateOnly), fmtPtr(lead))
	})
	tbl := readParquet(t, byTable["sips"].Path)
	defer tbl.Release()
	col := func(name string) int {
		idx := tbl.Schema().FieldIndices(name)
		if len(idx) != 1 {
			t.Fatalf("sips.parquet has no column %s", name)
		}
		return idx[0]
	}
	got := map[string]string{}
	tr := array.NewTableReader(tbl, 4096)
	defer tr.Release()
	for tr.Next() {
		rec := tr.RecordBatch()
		src := rec.Column(col("source")).(*array.String)
		ids := rec.Column(col("sip_id")).(*array.String)
		munis := rec.Column(col("municipality_code")).(*array.String)
		needs := rec.Column(col("need_detected_date")).(*array.Date32)
		leads := rec.Column(col("lead_time_days")).(*array.Int64)
		for i := 0; i < int(rec.NumRows()); i++ {
			var lead *int64
			if !leads.IsNull(i) {
				v := leads.Value(i)
				lead = &v
			}
			got[src.Value(i)+"/"+ids.Value(i)] = fmt.Sprintf("%s %s %s", munis.Value(i), needs.Value(i).ToTime().Format(time.DateOnly), fmtPtr(lead))
		}
	}
	if len(got) != len(want) {
		t.Fatalf("sips.parquet has %d distinct SIPs, the database %d", len(got), len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: parquet %q, database %q", k, got[k], w)
		}
	}
}

func fmtPtr(p *int64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}
