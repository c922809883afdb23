package ingest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

func TestFindPersonalNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"811218-9876", true},         // the Skatteverket example, 10 digits with '-'
		{"8112189876", true},          // without separator
		{"19811218-9876", true},       // 12 digits
		{"198112189876", true},        // 12 digits, no separator
		{"121212+1212", true},         // over 100 years old: '+'
		{"811278-9873", true},         // coordination number: day + 60
		{"pnr 811218-9876 här", true}, // inside text
		{"811218-9877", false},        // wrong check digit
		{"811318-9871", false},        // month 13
		{"1811218-9876", false},       // 7 digits before the separator
		{"81121898761", false},        // 11 digits
		{"2026-10-05", false},         // a date
		{"0180", false},               // a municipality code
		{"S000123", false},            // a pseudonym
		{"21811218-9876", false},      // century 21
	}
	for _, c := range cases {
		if got := containsPersonalNumber(c.in); got != c.want {
			t.Errorf("containsPersonalNumber(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	if got := redact("line 3: 19811218-9876;x"); got != "line 3: [redacted];x" {
		t.Errorf("redact = %q", got)
	}
}

// The value of a personal number planted in an extract; it must appear in
// no table, no error and no log line.
const plantedNumber = "19811218-9876"

func TestPersonalNumberRefusesTheWholeLoad(t *testing.T) {
	plant := []struct {
		name, file, from, to string
		want                 string
	}{
		{"in a contract column", "persons.csv", "P003,2012", "811218-9876,2012", "persons.csv:4: table persons, row at line 4, column person_id"},
		{"in a column outside the contract", "persons.csv", "P002,1985,male,", "P002,1985,male," + plantedNumber, "persons.csv:3: table persons, row at line 3, column kommentar"},
		{"inside free text", "survey_questions.csv", "Var du delaktig", "Var " + plantedNumber + " delaktig", "survey_questions.csv:3: table survey_questions, row at line 3, column text_sv"},
		{"in a later table", "population.csv", "0181,2025,101584", "0181,2025,198112189876", "population.csv:3: table population, row at line 3, column population"},
	}
	for _, p := range plant {
		t.Run(p.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sip.duckdb")
			db := openDB(t, path)
			mustLoad(t, db, "testdata/extract", Options{})
			before := snapshot(t, db)

			dir := copyFixture(t, "testdata/extract")
			b, _ := os.ReadFile(filepath.Join(dir, p.file))
			if !bytes.Contains(b, []byte(p.from)) {
				t.Fatalf("fixture %s lacks %q", p.file, p.from)
			}
			os.WriteFile(filepath.Join(dir, p.file), bytes.Replace(b, []byte(p.from), []byte(p.to), 1), 0o644)
			os.WriteFile(filepath.Join(dir, manifestName), []byte(`{"source":"`+fixtureSource+`","extracted_at":"2026-12-31"}`), 0o644)

			var logs bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			var progress bytes.Buffer
			_, err := Load(context.Background(), db, dir, Options{Logger: log, Progress: &progress})
			if !errors.Is(err, ErrNotAnonymised) {
				t.Fatalf("err = %v, want ErrNotAnonymised", err)
			}
			if !strings.Contains(err.Error(), p.want) {
				t.Errorf("err = %q, want it to name %q", err, p.want)
			}
			digits := strings.NewReplacer("-", "", "+", "").Replace(p.to)
			for _, out := range []string{err.Error(), logs.String(), progress.String()} {
				if containsPersonalNumber(out) || strings.Contains(out, "811218") {
					t.Errorf("output repeats the personal number: %q", out)
				}
			}
			after := snapshot(t, db)
			if !mapsEqual(before, after) {
				t.Errorf("a refused load changed the database")
			}
			for table, rows := range after {
				for _, r := range rows {
					if strings.Contains(strings.NewReplacer("-", "", "+", "").Replace(r), "8112189876") {
						t.Errorf("%s holds the personal number: %q", table, r)
					}
				}
			}
			_ = digits
			// Nothing of it reached the database file either.
			db.Close()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(raw, []byte("811218")) {
				t.Errorf("the database file contains the personal number")
			}
		})
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w := b[k]
		if len(v) != len(w) {
			return false
		}
		for i := range v {
			if v[i] != w[i] {
				return false
			}
		}
	}
	return true
}

var _ = contract.Version
var _ warehouse.Querier

// TestFilePrescanAgreesWithCells plants personal numbers (and near misses)
// at every offset around the read buffer's edges: the byte prescan of a file
// must find exactly the files whose cells hold one.
func TestFilePrescanAgreesWithCells(t *testing.T) {
	defer func(n int) { prescanBuffer = n }(prescanBuffer)
	prescanBuffer = 64
	dir := t.TempDir()
	values := []string{"811218-9876", "198112189876", "121212+1212", "811218-9877", "2026-10-05", "S0001234567", "81121898761"}
	for _, v := range values {
		for pad := 0; pad < 2*prescanBuffer; pad += 7 {
			var b strings.Builder
			b.WriteString("id,text\n")
			b.WriteString("P1," + strings.Repeat("x", pad) + "\n")
			b.WriteString("P2,\"a " + v + "\"\n")
			b.WriteString("P3," + strings.Repeat("y", pad%13) + "\n")
			path := filepath.Join(dir, "f.csv")
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			scan, err := scanCSVFile(path, ',', nil)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := scan.PersonalNumber, containsPersonalNumber(v); got != want {
				t.Errorf("value %q after %d bytes: prescan %v, cells %v", v, pad, got, want)
			}
		}
	}
	// A line longer than the buffer is read whole.
	long := "id,text\nP1," + strings.Repeat("z", 5*prescanBuffer) + " 811218-9876 " + strings.Repeat("z", 3*prescanBuffer) + "\n"
	path := filepath.Join(dir, "long.csv")
	os.WriteFile(path, []byte(long), 0o644)
	if got, err := scanCSVFile(path, ',', nil); err != nil || !got.PersonalNumber {
		t.Errorf("long line: prescan = %v, %v; want a hit", got, err)
	}
}

// TestPrescanSeesEveryEdgeSpace: when the prescan of a file says no cell
// has a space at its edge, the typed view reads the cells untrimmed, so
// that must hold for every cell encoding/csv reads from it. Random files
// of spaces, letters, delimiters, quotes and line breaks, read with small
// buffers; a file the prescan clears must have no cell with an edge space.
func TestPrescanSeesEveryEdgeSpace(t *testing.T) {
	defer func(n int) { prescanBuffer = n }(prescanBuffer)
	prescanBuffer = 16
	rnd := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab  ;,\"\n\r")
	dir := t.TempDir()
	cleared, checked := 0, 0
	for i := 0; i < 20000; i++ {
		b := make([]byte, 1+rnd.IntN(60))
		for j := range b {
			b[j] = alphabet[rnd.IntN(len(alphabet))]
		}
		for _, delim := range []byte{',', ';'} {
			r := csv.NewReader(bytes.NewReader(b))
			r.Comma = rune(delim)
			r.FieldsPerRecord = -1
			r.LazyQuotes = false
			records, err := r.ReadAll()
			if err != nil {
				continue // not readable as CSV: the load stops anyway
			}
			path := filepath.Join(dir, "f.csv")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			scan, err := scanCSVFile(path, delim, nil)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			if scan.EdgeSpace {
				continue
			}
			cleared++
			for _, rec := range records {
				for _, cell := range rec {
					if cell != strings.TrimSpace(cell) && strings.Trim(cell, " ") != cell {
						t.Fatalf("prescan cleared %q (delimiter %q), but cell %q has an edge space", b, delim, cell)
					}
				}
			}
		}
	}
	if cleared == 0 || cleared == checked {
		t.Fatalf("cleared %d of %d files: the random files do not test both ways", cleared, checked)
	}
}
