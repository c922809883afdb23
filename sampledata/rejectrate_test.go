package sampledata_test

// The heavy extract's rejects, checked by loading it: a test of the
// generator through the real ingest (sampledata itself imports neither).

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/ingest"
	"github.com/sipstat/sipstat/sampledata"
	"github.com/sipstat/sipstat/warehouse"
)

// TestRejectRateWhenLoaded: an extract with RejectRate 0.03 (make bench's
// heavy extract) has about 3 % of its rows rejected when loaded, cascades
// included; every duplicate the generator wrote is rejected as one; goals
// and reviews at another SIP's meeting are rejected for it; and the
// rejects of parents cascade to their children.
func TestRejectRateWhenLoaded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads an extract of 3 000 SIPs")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "heavy")
	st, err := sampledata.Generate(ctx, dir, sampledata.Options{SIPs: 3000, Seed: 11, RejectRate: 0.03})
	if err != nil {
		t.Fatal(err)
	}
	db, err := warehouse.Open(ctx, filepath.Join(t.TempDir(), "x.duckdb"), warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := ingest.Load(ctx, db, dir, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}

	var read, rejected int64
	for _, f := range sum.Files {
		if f.Read != st.Rows[f.Table] {
			t.Errorf("%s: the load read %d rows, the generator wrote %d", f.Table, f.Read, st.Rows[f.Table])
		}
		read += f.Read
		rejected += f.Rejected
	}
	share := float64(rejected) / float64(read)
	t.Logf("%d of %d rows rejected (%.2f %%); flaws %v", rejected, read, 100*share, st.Flaws)
	if share < 0.025 || share > 0.035 {
		t.Errorf("rejected share %.4f, want about 0.03", share)
	}

	// Rejected input rows (distinct lines) per table whose reason contains a phrase.
	count := func(table, phrase string) int64 {
		t.Helper()
		var n int64
		err := db.QueryRowContext(ctx, `select count(distinct line) from load_rejects
			where table_name = $1 and contains(reason, $2)`, table, phrase).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, table := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews"} {
		want := st.Flaws[table+".duplicate_id"]
		if want == 0 {
			t.Errorf("%s: no duplicate written", table)
		}
		if got := count(table, "duplicate key"); got != want {
			t.Errorf("%s: %d rows rejected as duplicate keys, the generator wrote %d duplicates", table, got, want)
		}
	}
	// A row at another SIP's meeting is rejected for it, unless that
	// meeting was itself rejected (then for the cascade).
	for table, kind := range map[string]string{"goals": "set_at_other_sip_meeting", "goal_reviews": "reviewed_at_other_sip_meeting"} {
		written, got := st.Flaws[table+"."+kind], count(table, "belongs to SIP")
		if written == 0 || got > written || float64(got) < 0.9*float64(written) {
			t.Errorf("%s: %d rows rejected for another SIP's meeting, the generator wrote %d", table, got, written)
		}
	}
	for _, table := range []string{"consents", "meetings", "participants", "goals", "goal_reviews", "interventions"} {
		if n := count(table, "was rejected ("); n == 0 {
			t.Errorf("%s: no row rejected because its parent was", table)
		}
	}
	// Cascades are a share, not all: at least a fifth of the rejected rows
	// are children of a rejected parent, at most two thirds.
	cascaded := int64(0)
	for _, f := range sum.Files {
		cascaded += count(f.Table, "was rejected (")
	}
	if c := float64(cascaded) / float64(rejected); c < 0.2 || c > 0.67 {
		t.Errorf("%d of %d rejected rows are cascades (%.2f), want between 0.2 and 0.67", cascaded, rejected, c)
	}
}

// TestRejectRateIsDeterministicAndApart: the same options give the same
// bytes, and RejectRate's own random stream leaves the rest of the extract
// alone: persons only get duplicates from it, so their distinct rows are
// those of the extract without it.
func TestRejectRateIsDeterministicAndApart(t *testing.T) {
	ctx := context.Background()
	gen := func(opt sampledata.Options) (string, sampledata.Stats) {
		dir := filepath.Join(t.TempDir(), "x")
		st, err := sampledata.Generate(ctx, dir, opt)
		if err != nil {
			t.Fatal(err)
		}
		return dir, st
	}
	opt := sampledata.Options{SIPs: 500, Seed: 4, FlawRate: 0.002, RejectRate: 0.03}
	a, st := gen(opt)
	b, _ := gen(opt)
	plain, plainSt := gen(sampledata.Options{SIPs: 500, Seed: 4, FlawRate: 0.002})
	for _, name := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews", "interventions", "survey_answers"} {
		fa, fb := readFile(t, a, name+".csv"), readFile(t, b, name+".csv")
		if fa != fb {
			t.Errorf("%s.csv differs between two runs with the same options", name)
		}
	}
	lines := func(dir string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(readFile(t, dir, "persons.csv"), "\n") {
			m[l]++
		}
		return m
	}
	with, without := lines(a), lines(plain)
	var extra int
	for l, n := range with {
		if without[l] == 0 {
			t.Errorf("persons.csv: row %q is not in the extract without RejectRate", l)
		}
		extra += n - without[l]
	}
	for l := range without {
		if with[l] == 0 {
			t.Errorf("persons.csv: row %q of the extract without RejectRate is missing", l)
		}
	}
	// Stats count the duplicates of both rates; FlawRate's are in both extracts.
	if want := int(st.Flaws["persons.duplicate_id"] - plainSt.Flaws["persons.duplicate_id"]); extra != want || want == 0 {
		t.Errorf("persons.csv has %d repeated rows more than without RejectRate, the generator counted %d more duplicates", extra, want)
	}
	if readFile(t, a, "sips.csv") == readFile(t, plain, "sips.csv") {
		t.Error("RejectRate 0.03 changed nothing in sips.csv")
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
