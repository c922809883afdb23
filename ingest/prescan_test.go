package ingest

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/contract"
)

// TestRecordCountAgreesWithDuckDB: whenever the prescan claims a row count
// for a CSV file, DuckDB reads exactly that many rows through the load's
// own view of the file (direct_csv.sql), or refuses the file. The one-pass
// load writes a file without a second count when the rows written equal the
// prescan's count, so a count above DuckDB's would hide rows left out.
//
// Staged, each row's line number is the line encoding/csv says its record
// starts on (line breaks inside quoted cells counted).
//
// The files are random CSV: quoted fields holding delimiters, quotes and
// line breaks, LF and CRLF, a last line with or without its line end, and
// now and then damage (a blank line, a lone CR, a stray quote). The read
// buffer is small, so records and quoted fields cross its edges.
func TestRecordCountAgreesWithDuckDB(t *testing.T) {
	defer func(n int) { prescanBuffer = n }(prescanBuffer)
	prescanBuffer = 16
	ctx := context.Background()
	db := openDB(t, "")
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tb, _ := contract.Lookup("population")
	dir := t.TempDir()
	rnd := rand.New(rand.NewPCG(3, 4))
	field := func() string {
		switch rnd.IntN(6) {
		case 0:
			return ""
		case 1, 2:
			return "x" + strings.Repeat("a", rnd.IntN(5))
		default:
			var b strings.Builder
			b.WriteByte('"')
			for range rnd.IntN(8) {
				b.WriteString([]string{"a", ",", ";", `""`, "\n", "\r\n", " "}[rnd.IntN(7)])
			}
			b.WriteByte('"')
			return b.String()
		}
	}
	damage := []string{"\n", "\r", `"`, "\r\n", "a\"b", "\"a\"b", ",\n"}
	known, unknown, refused, linesChecked := 0, 0, 0, 0
	for range 1000 {
		var b strings.Builder
		eol := []string{"\n", "\r\n"}[rnd.IntN(2)]
		b.WriteString("municipality_code,year,population" + eol)
		header := b.Len()
		rows := rnd.IntN(6)
		for r := range rows {
			b.WriteString(field() + "," + field() + "," + field())
			if r < rows-1 || rnd.IntN(3) > 0 {
				b.WriteString(eol)
			}
		}
		data := b.String()
		if rnd.IntN(4) == 0 {
			at := header + rnd.IntN(len(data)-header+1)
			data = data[:at] + damage[rnd.IntN(len(damage))] + data[at:]
		}
		path := filepath.Join(dir, "population.csv")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		scan, err := scanCSVFile(path, ',', nil)
		if err != nil {
			t.Fatal(err)
		}
		if !scan.RowsKnown {
			unknown++
			continue
		}
		known++
		f := &inputFile{Table: tb, Name: "population.csv", Path: path, Format: formatCSV}
		if err := sniffCSV(f); err != nil {
			t.Fatalf("file %q: %v", data, err)
		}
		n := namesFor("population")
		if err := open(ctx, conn, f, &n, func(string) {}); err != nil {
			refused++
			continue
		}
		var got int64
		if err := queryRowSQL(ctx, conn, "count_rows.sql", n, &got); err != nil {
			refused++ // DuckDB refuses the file: the load stops
			continue
		}
		if got != scan.Rows {
			t.Fatalf("file %q: prescan counts %d rows, DuckDB reads %d", data, scan.Rows, got)
		}
		// Staged, each row's line number is the line encoding/csv says
		// its record starts on.
		if err := stage(ctx, conn, f, &n, nil); err != nil {
			t.Fatalf("file %q: staged: %v", data, err)
		}
		lines := dump(t, conn, "select __line from "+n.Stage+" order by __line")
		r := csv.NewReader(strings.NewReader(data))
		r.FieldsPerRecord = -1
		var want []string
		if _, err := r.Read(); err == nil {
			for {
				if _, err := r.Read(); err != nil {
					break
				}
				line, _ := r.FieldPos(0)
				want = append(want, fmt.Sprint(line))
			}
			if len(want) == len(lines) && !slices.Equal(want, lines) {
				t.Fatalf("file %q: staged lines %v, encoding/csv %v", data, lines, want)
			}
			if len(want) == len(lines) {
				linesChecked++
			}
		}
		if _, err := execSQL(ctx, conn, "drop_temp.sql", n, nil); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("line numbers of %d files checked", linesChecked)
	t.Logf("%d files counted (%d of them refused by DuckDB), %d left to DuckDB", known, refused, unknown)
	if known < 500 || unknown < 70 || linesChecked < 400 {
		t.Fatalf("counted %d files, left %d: the random files do not test both ways", known, unknown)
	}
}

// TestRecordCounterCases pins the counter on files whose reading is known.
func TestRecordCounterCases(t *testing.T) {
	for _, tc := range []struct {
		file  string
		rows  int64
		known bool
	}{
		{"a,b\n", 0, true},
		{"a,b", 0, true},
		{"a,b\n1,2\n", 1, true},
		{"a,b\n1,2", 1, true},
		{"a,b\r\n1,2\r\n3,4", 2, true},
		{"a,b\n\"1\n2\",\"x\"\"y\"\n3,4\n", 2, true},
		{"a,b\n\"1,\r\n2\",\n", 1, true},
		{"a,b\n\"\",\"\"\n", 1, true},
		{"a,b\n1,2\n\n", 0, false},       // a blank line
		{"a,b\n\n1,2\n", 0, false},       // a blank line
		{"a,b\r\n\r\n1,2\r\n", 0, false}, // a blank line
		{"a,b\n1\r2\n", 0, false},        // a lone CR
		{"a,b\n1,2\r", 0, false},         // a lone CR at the end
		{"a,b\n1\"x,2\n", 0, false},      // a quote inside a field
		{"a,b\n\"1\"x,2\n", 0, false},    // text after a closing quote
		{"a,b\n\"1,2\n", 0, false},       // an unterminated quote
		{"", 0, false},
	} {
		for _, piece := range []int{1, 2, 3, len(tc.file) + 1} {
			c := recordCounter{delim: ','}
			for b := []byte(tc.file); len(b) > 0; {
				k := min(piece, len(b))
				c.add(b[:k])
				b = b[k:]
			}
			rows, known := c.rows()
			if known != tc.known || known && rows != tc.rows {
				t.Errorf("%q in pieces of %d: rows %d, known %v; want %d, %v", tc.file, piece, rows, known, tc.rows, tc.known)
			}
		}
	}
}
