package transform

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// TestSIPNeedAfterAsOfIsFlagged: a SIP whose need was detected after its
// extract's extracted_at (2026-10-05 in the basic fixture) is left out of
// the core model with its meetings; it must show as a data-quality flag, not
// vanish. The same SIP dated on the as-of date is not flagged.
func TestSIPNeedAfterAsOfIsFlagged(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		need string
		want string
	}{
		{"2026-10-06", "fixture-basic:S90"},
		{"2026-10-05", ""},
	} {
		dir := t.TempDir()
		src := filepath.Join("testdata", "basic")
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			switch e.Name() {
			case "sips.csv":
				b = append(b, []byte("S90,p1,13,1380,standard,mental_health,primary_care,"+tc.need+",false,,,,,,,\n")...)
			case "meetings.csv":
				b = append(b, []byte("M90,S90,initial,"+tc.need+",planned,,,,,,\n")...)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "sipstat.duckdb"), warehouse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		loadFixture(t, db, dir)
		if err := Build(ctx, db, DefaultSettings()); err != nil {
			t.Fatal(err)
		}
		rows, err := db.QueryContext(ctx, "select source || ':' || row_id from dq_flags where rule_id = 'sip_need_after_as_of' order by all")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for rows.Next() {
			var id string
			rows.Scan(&id)
			got = append(got, id)
		}
		rows.Close()
		if strings.Join(got, ",") != tc.want {
			t.Errorf("need detected %s: flagged %v, want %q", tc.need, got, tc.want)
		}
		db.Close()
	}
}
