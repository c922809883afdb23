package queries

import (
	"context"
	"path/filepath"
	"testing"

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
}
