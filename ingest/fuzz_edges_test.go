package ingest

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sipstat/sipstat/contract"
)

// Fuzz targets of what a load reads around the cells: the manifest, the
// header line, and the encoding decision. In `make fuzz` (FUZZ_TARGETS).

// FuzzManifest: any manifest.json either is refused with a message that
// holds no personal number (a manifest with one anywhere, unknown keys too,
// is refused as not anonymised), or gives values the load may store: no
// personal number, a supported contract version, a date, a region code.
func FuzzManifest(f *testing.F) {
	for _, s := range []string{
		`{"contract_version": "1", "source": "Region Stockholm", "region_code": "01", "extracted_at": "2026-10-05"}`,
		`{"contract_version": "1", "source": "Export ` + testPNR + `"}`,
		`{"note": "121212-1212"}`,
		`{"121212-1212": true}`,
		`{"contract_version": 1}`,
		`{"extracted_at": "2026-02-30"}`,
		`[1,2]`, `{`, ``, `null`,
		`{"source": "\u0031\u0039\u0031\u0032\u0031\u0032\u0031\u0032\u002d\u0031\u0032\u0031\u0032"}`,
	} {
		f.Add([]byte(s))
	}
	path := filepath.Join(f.TempDir(), manifestName) // one file, rewritten: a folder per input is slow
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := readManifest(path)
		if err != nil {
			if containsPersonalNumber(err.Error()) {
				t.Fatalf("the message holds a personal number: %q", err)
			}
			return
		}
		if containsPersonalNumber(data) {
			t.Fatalf("a manifest with a personal number was accepted")
		}
		for _, v := range []string{m.Source, m.RegionCode, m.ContractVersion, m.ExtractedAt} {
			if containsPersonalNumber(v) {
				t.Fatalf("accepted a personal number (decoded from escapes) in %q", v)
			}
		}
		if m.ContractVersion != "" && m.ContractVersion != contract.Version {
			t.Fatalf("accepted contract version %q", m.ContractVersion)
		}
		if m.ExtractedAt != "" {
			if _, ok := parseDate(m.ExtractedAt); !ok {
				t.Fatalf("accepted extracted_at %q", m.ExtractedAt)
			}
		}
		if m.RegionCode != "" && (len(m.RegionCode) != 2 || !isDigits(m.RegionCode)) {
			t.Fatalf("accepted region_code %q", m.RegionCode)
		}
	})
}

// FuzzHeaderLine: any first line of a CSV file is refused with a message
// naming the file and holding no personal number, or gives a header with
// every required column once and no personal number in any column name
// (names are echoed in warnings and stored in load_warnings).
func FuzzHeaderLine(f *testing.F) {
	for _, s := range []string{
		"person_id,birth_year,sex,kommentar",
		"person_id;birth_year;sex",
		"\ufeffperson_id,birth_year,sex",
		"person_id,birth_year,sex," + testPNR,
		"person_id,birth_year,sex,\"a,b\"",
		"person_id,birth_year,sex,sex",
		"PERSON_ID , Birth_Year,SEX",
		"person_id,\"birth_year",
		"root:x:0:0:root:/root:/bin/bash",
		"person_id,birth_year,sex,\xf6vrigt",
	} {
		f.Add([]byte(s))
	}
	persons, _ := contract.Lookup("persons")
	path := filepath.Join(f.TempDir(), "persons.csv")
	f.Fuzz(func(t *testing.T, line []byte) {
		if err := os.WriteFile(path, append(line, "\nP1,1950,female,x\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		in := &inputFile{Table: persons, Name: "persons.csv", Path: path, Format: formatCSV}
		err := sniffCSV(in)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "persons.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if containsPersonalNumber(err.Error()) {
				t.Fatalf("the message holds a personal number: %q", err)
			}
			return
		}
		names := map[string]bool{}
		for _, h := range in.Header {
			if containsPersonalNumber(h) {
				t.Fatalf("accepted a personal number in the header %q", in.Header)
			}
			if n := normName(h); n != "" {
				if names[n] {
					t.Fatalf("accepted column %s twice: %q", n, in.Header)
				}
				names[n] = true
			}
			if in.Encoding != encCP1252 && !utf8.ValidString(h) {
				t.Fatalf("a header name that is not UTF-8: %q", h)
			}
		}
		for _, c := range persons.Columns {
			if c.Required && !names[c.Name] {
				t.Fatalf("accepted a header without %s: %q", c.Name, in.Header)
			}
		}
	})
}

// FuzzEncoding: the encoding decision for any bytes equals the contract's
// rule computed over the whole file at once (valid UTF-8 → UTF-8; no valid
// multibyte sequence at all → Windows-1252; else UTF-8 read in Go), also
// when the prescan reads it in small pieces; and a UTF-8 file read in Go
// yields only valid UTF-8 cells, each invalid one a problem of its row.
func FuzzEncoding(f *testing.F) {
	for _, s := range []string{
		"P1,1950,female,Söder\n",
		"P1,1950,female,S\xf6der\n",
		"P1,1950,female,S\xf6der\nP2,1951,male,Söder\n",
		"\xef\xbb\xbfP1,1950,female,x\n",
		"P1,1950,female,\"tv\xe5\r\nrader\"\n",
		"P1,1950,female,\xc3\n",
		"P1,1950,female,\xe2\x82\xac\x80\n",
	} {
		f.Add([]byte(s), uint8(3))
	}
	persons, _ := contract.Lookup("persons")
	path := filepath.Join(f.TempDir(), "persons.csv")
	f.Fuzz(func(t *testing.T, body []byte, piece uint8) {
		data := append([]byte("person_id,birth_year,sex,kommentar\n"), body...)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// The oracle: the whole file, rune by rune.
		valid, multi := true, false
		for b := data; len(b) > 0; {
			r, n := utf8.DecodeRune(b)
			if r == utf8.RuneError && n <= 1 {
				valid = false
			} else if n > 1 {
				multi = true
			}
			b = b[n:]
		}
		wantEnc, wantGo := encUTF8, !valid
		if !valid && !multi {
			wantEnc = encCP1252
		}
		defer func(b int) { prescanBuffer = b }(prescanBuffer)
		prescanBuffer = 16 + int(piece)
		in := &inputFile{Table: persons, Name: "persons.csv", Path: path, Format: formatCSV}
		if err := sniffCSV(in); err != nil {
			return // NUL bytes, binary, a broken header line
		}
		if in.Encoding != wantEnc || in.GoRead != (wantGo || in.Scan.LongLine) {
			t.Fatalf("encoding %s (read in Go %v), want %s (%v); valid %v, multibyte %v", in.Encoding, in.GoRead, wantEnc, wantGo, valid, multi)
		}
		if in.Encoding != encUTF8 || !in.GoRead {
			return
		}
		rows, err := newGoCSVRows(in)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for {
			_, cells, err := rows.Next()
			if errors.Is(err, io.EOF) || err != nil {
				return
			}
			for i, c := range cells {
				kept, col, reason := checkGoCell(c, in.Header[i])
				if !utf8.ValidString(kept) {
					t.Fatalf("cell %q kept as %q, not UTF-8", c, kept)
				}
				if bad := !utf8.ValidString(c) || len(c) > maxCellBytes; bad != (reason != "") || bad && col != in.Header[i] {
					t.Fatalf("cell %q: problem %q in %q", c, reason, col)
				}
				if reason != "" && slices.Contains([]string{c}, reason) {
					t.Fatalf("the reason quotes the cell")
				}
			}
		}
	})
}
