package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestWithoutManifest(t *testing.T) {
	t.Run("the source is the folder name and the as-of date the latest date in the data", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "region-uppsala-2026q3")
		src := copyFixture(t, "testdata/extract")
		os.Remove(filepath.Join(src, manifestName))
		os.Rename(src, dir)
		db := openDB(t, "")
		sum := mustLoad(t, db, dir, Options{})
		// The latest date in the fixture is goals.target_date 2027-01-31.
		if sum.Source != "region-uppsala-2026q3" || sum.AsOf.Format(time.DateOnly) != "2027-01-31" {
			t.Errorf("source %q as of %s, want the folder name as of 2027-01-31", sum.Source, sum.AsOf.Format(time.DateOnly))
		}
		if got := dump(t, db, "select source, region_code, extracted_at from load_sources"); !reflect.DeepEqual(got, []string{"region-uppsala-2026q3|<nil>|2027-01-31 00:00:00 +0000 UTC"}) {
			t.Errorf("load_sources = %q", got)
		}
	})
	t.Run("options name the source and the as-of date", func(t *testing.T) {
		dir := copyFixture(t, "testdata/extract")
		os.Remove(filepath.Join(dir, manifestName))
		asOf := time.Date(2026, 10, 1, 15, 0, 0, 0, time.Local)
		db := openDB(t, "")
		sum := mustLoad(t, db, dir, Options{Source: "Region Uppsala", AsOf: &asOf})
		if sum.Source != "Region Uppsala" || sum.AsOf.Format(time.DateOnly) != "2026-10-01" {
			t.Errorf("source %q as of %s", sum.Source, sum.AsOf)
		}
		// Another as-of date for the same files is another snapshot.
		later := asOf.AddDate(0, 0, 7)
		if again := mustLoad(t, db, dir, Options{Source: "Region Uppsala", AsOf: &later}); again.Unchanged {
			t.Error("a load with another as-of date was taken as unchanged")
		}
	})
}

func TestSwedishLabelsAndBooleansMapToCodes(t *testing.T) {
	dir := copyFixture(t, "testdata/extract")
	os.WriteFile(filepath.Join(dir, "persons.csv"), []byte("person_id;birth_year;sex\nP001;1948;K\nP002;1985;m\nP003;2012;KVINNA\nP004;1990;Okänt\n"), 0o644)
	b, _ := os.ReadFile(filepath.Join(dir, "discharges.csv"))
	s := strings.NewReplacer(",somatic,true,true,", ",Somatisk vård,JA,ja,", ",psychiatric,false,true,", ",psykiatri,Nej,1,").Replace(string(b))
	os.WriteFile(filepath.Join(dir, "discharges.csv"), []byte(s), 0o644)
	db := openDB(t, "")
	sum := mustLoad(t, db, dir, Options{})
	if sum.Rejects != 0 {
		t.Fatalf("rejects: %v", sum.RejectSamples)
	}
	if got := dump(t, db, "select person_id, sex from raw.persons order by all"); !reflect.DeepEqual(got, []string{"P001|female", "P002|male", "P003|female", "P004|unknown"}) {
		t.Errorf("persons = %q", got)
	}
	if got := dump(t, db, "select care_type, needs_municipal, needs_outpatient from raw.discharges order by discharge_id"); !reflect.DeepEqual(got, []string{"somatic|true|true", "psychiatric|false|true"}) {
		t.Errorf("discharges = %q", got)
	}
}

func TestProgressBarAndSummary(t *testing.T) {
	forceProgress = true
	defer func() { forceProgress = false }()
	slow := func(string) { time.Sleep(40 * time.Millisecond) }
	testHook = slow
	defer func() { testHook = nil }()
	var bar bytes.Buffer
	db := openDB(t, "")
	sum, err := Load(context.Background(), db, "testdata/extract", Options{Progress: &bar})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bar.String(), "loading [") || !strings.HasSuffix(bar.String(), "\r\033[K") {
		t.Errorf("progress = %q, want a bar that is cleared at the end", bar.String())
	}
	var text bytes.Buffer
	sum.WriteText(&text)
	for _, want := range []string{"total", "52", "persons.csv: column \"kommentar\" is not in the contract; not loaded"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, text.String())
		}
	}
	// A writer that is not a terminal gets no bar.
	forceProgress = false
	var none bytes.Buffer
	mustLoad(t, openDB(t, ""), "testdata/extract", Options{Progress: &none})
	if none.Len() != 0 {
		t.Errorf("progress on a non-terminal: %q", none.String())
	}
}
