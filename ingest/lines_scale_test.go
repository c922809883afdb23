package ingest

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLineNumbersAtScale: in a generated persons.csv of at least 50 MB
// (far beyond read_csv's buffers, read in parallel), with rejected rows
// spread through it and quoted cells holding line breaks, every reject
// names the line encoding/csv gives its row (header = 1, the line the
// record starts on). Before the fix only files under about 8 MB were right.
func TestLineNumbersAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 50 MB")
	}
	dir := copyFixture(t, "testdata/extract")
	path := filepath.Join(dir, "persons.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("person_id,birth_year,sex,kommentar\n")
	// The fixture's own persons first (other files refer to them).
	for _, p := range []string{"P001,1948,female,bor i Södertälje", "P002,1985,male,", "P003,2012,female,", "P004,1990,unknown,"} {
		w.WriteString(p + "\n")
	}
	const minSize = 50 << 20
	pad := strings.Repeat("och anhöriga ", 25)
	wantBad := 0
	var size int64
	for i := 0; size < minSize; i++ {
		year := 1900 + i%100
		if i%97 == 0 {
			year = badYear(i) // rejected: born before 1900
			wantBad++
		}
		// Long rows: the size is what matters here, not the row count.
		comment := "bor i Södertälje med kontakt via kommunens handläggare " + pad
		if i%101 == 0 {
			comment = "\"flyttade\ntill Solna,\r\nsedan Sundbyberg\"" // two line breaks inside quotes
		}
		n, _ := fmt.Fprintf(w, "Q%08d,%d,female,%s\n", i, year, comment)
		size += int64(n)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	t.Logf("persons.csv: %.1f MB, %d rows to reject", float64(st.Size())/1e6, wantBad)

	// The line of each row, by an independent reader.
	lineOf := map[string]int64{}
	{
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
		r.ReuseRecord = true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			line, _ := r.FieldPos(0)
			lineOf[rec[0]] = int64(line)
		}
		f.Close()
	}

	db := openDB(t, "")
	start := time.Now()
	sum := mustLoad(t, db, dir, Options{})
	t.Logf("load: %v", time.Since(start))
	if sum.Files[0].Table != "persons" || sum.Files[0].Rejected != int64(wantBad) {
		t.Fatalf("persons: %+v, want %d rejected", sum.Files[0], wantBad)
	}
	// Each rejected row has its own year (18xx): the reject at a line must
	// name the year of the row encoding/csv finds there.
	want := map[int64]int{}
	for id, line := range lineOf {
		var i int
		if _, err := fmt.Sscanf(id, "Q%d", &i); err == nil && i%97 == 0 {
			want[line] = badYear(i)
		}
	}
	got := dump(t, db, "select line, reason from load_rejects where table_name = 'persons' order by line")
	if len(got) != len(want) {
		t.Fatalf("%d rejects, want %d", len(got), len(want))
	}
	wrong := 0
	for _, g := range got {
		var line int64
		var year int
		if _, err := fmt.Sscanf(g, "%d|%d is outside", &line, &year); err != nil {
			t.Fatalf("reject %q: %v", g, err)
		}
		if want[line] != year {
			if wrong < 5 {
				t.Errorf("line %d: reject of a row born %d, the row there is born %d", line, year, want[line])
			}
			wrong++
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d reported lines are wrong", wrong, len(got))
	}
}

// badYear is the birth year of rejected row i: before 1900, and different
// for neighbouring rejected rows.
func badYear(i int) int { return 1801 + (i/97)%98 }
