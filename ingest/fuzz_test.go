package ingest

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

// Run briefly, one target at a time (go test allows one -fuzz per run):
//
//	go test ./ingest -run '^$' -fuzz '^FuzzPersonalNumber$' -fuzztime 20s
//	go test ./ingest -run '^$' -fuzz '^FuzzCells$' -fuzztime 20s
//	go test ./ingest -run '^$' -fuzz '^FuzzCSVRows$' -fuzztime 20s
//	go test ./ingest -run '^$' -fuzz '^FuzzXLSXCell$' -fuzztime 20s

func FuzzPersonalNumber(f *testing.F) {
	for _, s := range []string{"811218-9876", "19811218-9876", "198112189876", "121212+1212", "811278-9873",
		"x8112189876y", "18112189876", "2026-10-05", "0180", "S000123", "811218-98761", "a811218+9876"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spans := findPersonalNumbers(s)
		last := 0
		for _, sp := range spans {
			if sp[0] < last || sp[1] > len(s) || sp[0] >= sp[1] {
				t.Fatalf("bad span %v in %q", sp, s)
			}
			last = sp[1]
			digits := strings.NewReplacer("-", "", "+", "").Replace(s[sp[0]:sp[1]])
			if !validPersonalNumber(digits) {
				t.Fatalf("span %q is not a valid number", s[sp[0]:sp[1]])
			}
		}
		if containsPersonalNumber(redact(s)) {
			t.Fatalf("redact(%q) = %q still holds a personal number", s, redact(s))
		}
		// Surrounding text never hides one.
		if len(spans) > 0 && !containsPersonalNumber("id: "+s+" .") {
			t.Fatalf("%q found alone but not inside text", s)
		}
	})
}

var (
	fuzzConnOnce sync.Once
	fuzzConn     *sql.Conn
	fuzzConnErr  error
)

// macroConn is one in-memory DuckDB connection with the parsing macros.
func macroConn() (*sql.Conn, error) {
	fuzzConnOnce.Do(func() {
		ctx := context.Background()
		db, err := warehouse.Open(ctx, "", warehouse.Options{Threads: 1})
		if err != nil {
			fuzzConnErr = err
			return
		}
		if fuzzConn, err = db.Conn(ctx); err != nil {
			fuzzConnErr = err
			return
		}
		_, fuzzConnErr = execSQL(ctx, fuzzConn, "macros.sql", nil, nil)
	})
	return fuzzConn, fuzzConnErr
}

// FuzzCells checks that the SQL macros that parse CSV cells inside DuckDB and
// the Go parsers agree on every input.
func FuzzCells(f *testing.F) {
	for _, s := range []string{"2026-10-05", "2026-13-01", "2026-02-29", "2024-02-29 23:59", "2026-10-05T08:30:00",
		"2026-10-05 24:00", "12", "+12", "-7", "12,0", "1.50", "999999999", "1000000000", "ja", "NEJ", "Sant", "falskt", "1", "0", "yes", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			t.Skip("DuckDB text is valid UTF-8 without NUL")
		}
		conn, err := macroConn()
		if err != nil {
			t.Fatal(err)
		}
		var d sql.NullTime
		var n sql.NullInt32
		var b sql.NullBool
		err = conn.QueryRowContext(context.Background(), "select sip_date($s), sip_int($s), sip_bool($s)", sql.Named("s", s)).Scan(&d, &n, &b)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		gd, okd := parseDate(s)
		if okd != d.Valid || (okd && !gd.Equal(d.Time.UTC().Truncate(24*time.Hour))) {
			t.Errorf("date %q: Go %v %v, SQL %v %v", s, gd, okd, d.Time, d.Valid)
		}
		gn, okn := parseInt(s)
		if okn != n.Valid || (okn && gn != n.Int32) {
			t.Errorf("int %q: Go %v %v, SQL %v %v", s, gn, okn, n.Int32, n.Valid)
		}
		gb, okb := parseBool(s)
		if okb != b.Valid || (okb && gb != b.Bool) {
			t.Errorf("bool %q: Go %v %v, SQL %v %v", s, gb, okb, b.Bool, b.Valid)
		}
	})
}

// FuzzXLSXCell checks the conversion of a raw workbook cell: it never panics,
// keeps non-date cells as written, and turns every serial Excel can hold
// into a date the checks accept.
func FuzzXLSXCell(f *testing.F) {
	for _, s := range []string{"46300", "46300.5", "1", "60", "61", "2958465", "2958466", "-1", "NaN", "2026-10-05", "1e5", " 45000 "} {
		f.Add(s, true, false)
	}
	f.Add("0180", false, false)
	f.Fuzz(func(t *testing.T, raw string, isDate, date1904 bool) {
		got := xlsxCellText(raw, isDate, date1904)
		if !isDate && got != raw {
			t.Fatalf("a non-date cell changed: %q → %q", raw, got)
		}
		if got != raw {
			if _, ok := parseDate(got); !ok {
				t.Fatalf("serial %q became %q, not a date the checks accept", raw, got)
			}
		}
	})
}

// FuzzCSVRows feeds arbitrary bytes to the Go CSV path (sniffing, then the
// Windows-1252 reader): no panics, every row as wide as the header, lines
// increasing, and any failure an error naming the file.
func FuzzCSVRows(f *testing.F) {
	f.Add([]byte("person_id;birth_year;sex\nP1;1950;K\n"))
	f.Add([]byte("person_id,birth_year\r\n\"P,1\",1950\r\nP2,\"19\n50\"\r\n"))
	f.Add([]byte("person_id;birth_year\nS\xf6der;1950\n\x80;1\n"))
	f.Add([]byte("\xef\xbb\xbfperson_id,birth_year\nP1\n"))
	f.Add([]byte("person_id,birth_year\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "persons.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tb, _ := contract.Lookup("persons")
		in := &inputFile{Table: tb, Name: "persons.csv", Path: path, Format: formatCSV}
		if err := sniffCSV(in); err != nil {
			if !strings.HasPrefix(err.Error(), "persons.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		in.Encoding = encCP1252
		rows, err := newGoCSVRows(in)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var last, n int64 = 1, 0
		for {
			line, cells, err := rows.Next()
			if errors.Is(err, io.EOF) {
				// A row count the prescan claims is the reader's too.
				if in.Scan.RowsKnown && in.Scan.Rows != n {
					t.Fatalf("prescan counts %d rows, the reader reads %d", in.Scan.Rows, n)
				}
				return
			}
			n++
			if err != nil {
				if !strings.HasPrefix(err.Error(), "persons.csv") {
					t.Fatalf("error does not name the file: %v", err)
				}
				return
			}
			if len(cells) != len(in.Header) {
				t.Fatalf("row of %d cells, header of %d", len(cells), len(in.Header))
			}
			if line <= last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
		}
	})
}
