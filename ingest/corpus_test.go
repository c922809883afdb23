package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/sipstat/sipstat/warehouse"
)

// testPNR is Skatteverket's test personal identity number (a valid date and
// check digit): any place of an extract that holds it must refuse the load.
const testPNR = "19121212-1212"

// corpusCase is one kind of bad (or awkward) input: how the fixture extract
// is changed, and what a load of it must give.
type corpusCase struct {
	name string
	// form derives the extract folder from the fixture (nil: a copy of it).
	form func(testing.TB, string) string
	// edit changes the folder; it may return another folder to load.
	edit func(t *testing.T, dir string) string
	// exit is the status `sipstat load` gives (0: loaded, 1: refused, the
	// database as it was).
	exit int
	// msg is a fragment of the error (exit 1) or of a reject reason or
	// warning (exit 0; empty: no reject and no warning expected).
	msg string
	// privacy: the error wraps ErrNotAnonymised.
	privacy bool
	// table and rows: the file summary of that table (read, loaded,
	// rejected) when exit is 0.
	table string
	rows  [3]int64
	// notInMsg must not appear in the error (a value of a file that is not
	// the extract's).
	notInMsg string
}

// fixtureRows are the data rows of testdata/extract's tables.
var fixtureRows = map[string]int64{"consents": 4, "deviations": 2, "discharges": 2, "goal_reviews": 3, "goals": 4,
	"interventions": 3, "meetings": 6, "participants": 7, "persons": 4, "population": 2, "sips": 4,
	"survey_answers": 6, "survey_questions": 3, "survey_responses": 2}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// replaceIn replaces the first old in a file of dir.
func replaceIn(t testing.TB, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b := readFile(t, p)
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	writeFile(t, p, bytes.Replace(b, []byte(old), []byte(new), 1))
}

// appendTo appends lines to a file of the extract.
func appendTo(name string, lines ...string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		appendLines(t, filepath.Join(dir, name), lines...)
		return dir
	}
}

func setFile(name string, content []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		writeFile(t, filepath.Join(dir, name), content)
		return dir
	}
}

func manifestWith(json string) func(*testing.T, string) string {
	return setFile(manifestName, []byte(json))
}

// editXLSX changes the workbook of an XLSX form.
// fillColumn sets a column's cell in every data row (2 … rows+1) of a
// sheet to value(row), in the General format if general.
func fillColumn(t *testing.T, wb *excelize.File, sheet, col string, rows int64, general bool, value func(row int) any) {
	t.Helper()
	for r := 2; r <= int(rows)+1; r++ {
		cell := fmt.Sprintf("%s%d", col, r)
		if err := wb.SetCellValue(sheet, cell, value(r)); err != nil {
			t.Fatal(err)
		}
		if !general {
			continue
		}
		if err := wb.SetCellStyle(sheet, cell, cell, 0); err != nil {
			t.Fatal(err)
		}
	}
}

func editXLSX(fn func(t *testing.T, wb *excelize.File)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, workbookName)
		wb, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fn(t, wb)
		if err := wb.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		wb.Close()
		return dir
	}
}

// editParquet rewrites one Parquet file of a Parquet form by a query over it
// ($1 is the file).
func editParquet(table, query string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, table+".parquet")
		tmp := p + ".tmp"
		db := openDB(t, filepath.Join(t.TempDir(), "edit.duckdb"))
		q := fmt.Sprintf("copy (%s) to '%s' (format parquet)", strings.Replace(query, "$1", "'"+p+"'", -1), tmp)
		if _, err := db.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
		return dir
	}
}

func corpusCases() []corpusCase {
	sipRow := func(id, date string) string {
		return id + ",P004,01,0180,standard,,individual," + date + ",,,,,,,,"
	}
	n := fixtureRows
	return []corpusCase{
		// ---- the cases
		{name: "personal number in manifest source", edit: manifestWith(`{"contract_version": "1", "source": "Export ` + testPNR + `", "region_code": "01", "extracted_at": "2026-10-05"}`),
			exit: 1, msg: `manifest.json (key "source") holds a Swedish personal identity`, privacy: true},
		{name: "personal number in an unknown manifest key", edit: manifestWith(`{"contract_version": "1", "source": "Export", "extracted_at": "2026-10-05", "contact": "` + testPNR + `"}`),
			exit: 1, msg: `manifest.json (key "contact")`, privacy: true},
		{name: "personal number as a manifest key", edit: manifestWith(`{"contract_version": "1", "source": "Export", "extracted_at": "2026-10-05", "` + testPNR + `": 1}`),
			exit: 1, msg: `manifest.json (a key)`, privacy: true},
		{name: "personal number in the folder name (no manifest)", edit: func(t *testing.T, dir string) string {
			to := filepath.Join(t.TempDir(), "export "+testPNR)
			if err := os.Rename(dir, to); err != nil {
				t.Fatal(err)
			}
			os.Remove(filepath.Join(to, manifestName))
			return to
		}, exit: 1, msg: "the extract folder's name holds", privacy: true},
		{name: "personal number in a file name", edit: setFile("notes "+testPNR+".txt", []byte("x")),
			exit: 1, msg: "the name of a file in the extract folder", privacy: true},
		{name: "personal number as the header of a column outside the contract", edit: func(t *testing.T, dir string) string {
			replaceIn(t, dir, "persons.csv", "kommentar", testPNR)
			return dir
		}, exit: 1, msg: "persons.csv:1: the header of column 4 holds", privacy: true},
		{name: "personal number in a cell", edit: func(t *testing.T, dir string) string {
			replaceIn(t, dir, "persons.csv", "bor i Södertälje", "pnr "+testPNR)
			return dir
		}, exit: 1, msg: "persons.csv:2: table persons, row at line 2, column kommentar", privacy: true},
		{name: "personal number as an XLSX sheet name", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			if _, err := wb.NewSheet(testPNR); err != nil {
				t.Fatal(err)
			}
		}), exit: 1, msg: "extract.xlsx: the name of sheet 15 holds", privacy: true},
		{name: "personal number in an XLSX cell (refused while staging)", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			wb.SetCellValue("sips", "P3", "se "+testPNR)
		}), exit: 1, msg: "extract.xlsx[sips]:3: table sips, row at line 3, column restart_of", privacy: true},
		{name: "personal number in a Windows-1252 cell (refused after staging)", form: writeSwedishCP1252, edit: func(t *testing.T, dir string) string {
			appendLines(t, filepath.Join(dir, "persons.csv"), "P005;1950;Kvinna;"+testPNR)
			return dir
		}, exit: 1, msg: "persons.csv:6: table persons, row at line 6, column kommentar", privacy: true},
		{name: "UTF-8 file with one invalid byte", edit: appendTo("persons.csv", "P005,1950,female,S\xf6der", "P006,1951,male,Söder"),
			exit: 0, msg: "invalid UTF-8 byte in column kommentar", table: "persons", rows: [3]int64{n["persons"] + 2, n["persons"] + 1, 1}},
		{name: "UTF-8 cell over 2 MiB", edit: appendTo("persons.csv", "P005,1950,female,"+strings.Repeat("å", 1<<20+10), "P006,1951,male,x"),
			exit: 0, msg: "the value is 2.0 MiB long (at most 2 MiB)", table: "persons", rows: [3]int64{n["persons"] + 2, n["persons"] + 1, 1}},
		{name: "Windows-1252 cell over 2 MiB", form: writeSwedishCP1252, edit: func(t *testing.T, dir string) string {
			appendLines(t, filepath.Join(dir, "persons.csv"), "P005;1950;Kvinna;"+strings.Repeat("\xe5", 3<<20))
			return dir
		}, exit: 0, msg: "the value is 6.0 MiB long (at most 2 MiB)", table: "persons", rows: [3]int64{n["persons"] + 1, n["persons"], 1}},
		{name: "Parquet column of the wrong type (birth_year as DATE)", form: writeParquet,
			edit: editParquet("persons", "select person_id, make_date(birth_year, 1, 1) as birth_year, sex, kommentar from read_parquet($1)"),
			exit: 1, msg: "persons.parquet: column birth_year is stored as DATE, but the contract's birth_year is a whole number"},
		{name: "Parquet date column stored as a number", form: writeParquet,
			edit: editParquet("sips", "select * replace (cast(strftime(need_detected_date, '%Y%m%d') as integer) as need_detected_date) from read_parquet($1)"),
			exit: 1, msg: "sips.parquet: column need_detected_date is stored as INTEGER, but the contract's need_detected_date is a date"},
		{name: "symbolic link out of the folder", edit: func(t *testing.T, dir string) string {
			os.Remove(filepath.Join(dir, "sips.csv"))
			if err := os.Symlink("/etc/passwd", filepath.Join(dir, "sips.csv")); err != nil {
				t.Fatal(err)
			}
			return dir
		}, exit: 1, msg: "sips.csv: a symbolic link that leads out of the extract folder; refused", notInMsg: "root"},
		{name: "symbolic link within the folder", edit: func(t *testing.T, dir string) string {
			os.Rename(filepath.Join(dir, "sips.csv"), filepath.Join(dir, ".sips-data"))
			if err := os.Symlink(".sips-data", filepath.Join(dir, "sips.csv")); err != nil {
				t.Fatal(err)
			}
			return dir
		}, exit: 0, table: "sips", rows: [3]int64{n["sips"], n["sips"], 0}},
		{name: "a file that is no contract table under a table's name", edit: setFile("sips.csv", []byte("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n")),
			exit: 1, msg: "sips.csv:1: required column sip_id is missing (no column of the header is one of table sips)", notInMsg: "root"},
		{name: "SIP whose need date is after the extract's date (loaded; transform flags it)", edit: appendTo("sips.csv", sipRow("S009", "2026-11-01")),
			exit: 0, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"] + 1, 0}},
		{name: "XLSX formula cell without a stored value", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			// A formula written by a program: no value was ever computed.
			wb.SetCellValue("persons", "A3", nil)
			if err := wb.SetCellFormula("persons", "A3", `="P0"&"02"`); err != nil {
				t.Fatal(err)
			}
		}), exit: 0, msg: "the cell is a formula without a stored value", table: "persons", rows: [3]int64{n["persons"], n["persons"] - 1, 1}},
		{name: "truncated Parquet file", form: writeParquet, edit: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "sips.parquet")
			b := readFile(t, p)
			writeFile(t, p, b[:len(b)/2])
			return dir
		}, exit: 1, msg: "sips.parquet: not a readable Parquet file", notInMsg: "LINE"},

		// ---- encodings
		{name: "UTF-8 with a byte order mark", form: writeBOM, exit: 0, table: "persons", rows: [3]int64{n["persons"], n["persons"], 0}},
		{name: "UTF-16 file", edit: func(t *testing.T, dir string) string {
			b := readFile(t, filepath.Join(dir, "persons.csv"))
			out := []byte{0xFF, 0xFE}
			for _, r := range string(b) {
				out = append(out, byte(r), byte(r>>8))
			}
			writeFile(t, filepath.Join(dir, "persons.csv"), out)
			return dir
		}, exit: 1, msg: "persons.csv: the file is UTF-16 text"},
		{name: "Windows-1252 with semicolons and Swedish labels", form: writeSwedishCP1252, exit: 0, table: "participants", rows: [3]int64{n["participants"], n["participants"], 0}},
		{name: "Windows-1252 file with a bad code", form: writeSwedishCP1252, edit: func(t *testing.T, dir string) string {
			b, _ := charmap.Windows1252.NewEncoder().String("P005;1950;Okänt kön;")
			appendLines(t, filepath.Join(dir, "persons.csv"), b)
			return dir
		}, exit: 0, msg: `"Okänt kön" is not a known sex code`, table: "persons", rows: [3]int64{n["persons"] + 1, n["persons"], 1}},

		// ---- headers
		{name: "header without a required column", edit: func(t *testing.T, dir string) string {
			replaceIn(t, dir, "persons.csv", "birth_year", "born")
			return dir
		}, exit: 1, msg: "persons.csv:1: required column birth_year is missing (the header has: person_id, born, sex, kommentar)"},
		{name: "header with a column twice", edit: func(t *testing.T, dir string) string {
			replaceIn(t, dir, "persons.csv", "kommentar", "sex")
			return dir
		}, exit: 1, msg: "persons.csv:1: column sex appears twice in the header"},
		{name: "header with a column outside the contract", exit: 0, msg: `column "kommentar" is not in the contract; not loaded`,
			table: "persons", rows: [3]int64{n["persons"], n["persons"], 0}},
		{name: "header only", edit: setFile("goal_reviews.csv", []byte("goal_id,meeting_id,status\n")),
			exit: 0, table: "goal_reviews", rows: [3]int64{0, 0, 0}},
		{name: "zero bytes", edit: setFile("persons.csv", nil), exit: 1, msg: "persons.csv: empty file"},
		{name: "binary junk", edit: setFile("persons.csv", func() []byte {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i * 7)
			}
			return b
		}()), exit: 1, msg: "persons.csv: binary file"},
		{name: "a NUL byte in text", edit: appendTo("persons.csv", "P005,1950,female,a\x00b"), exit: 1, msg: "persons.csv: binary file, not CSV text (it contains NUL bytes)"},

		// ---- quoting
		{name: "unterminated quote", edit: appendTo("persons.csv", `P005,1950,female,"open`), exit: 1, msg: "persons.csv:6: not readable as CSV: a quoted value is not closed"},
		{name: "quoted line breaks", edit: appendTo("persons.csv", `P005,1950,female,"two`, `lines"`, "P006,1850,male,"),
			exit: 0, msg: "1850 is outside", table: "persons", rows: [3]int64{n["persons"] + 2, n["persons"] + 1, 1}},
		{name: "CRLF line ends", edit: func(t *testing.T, dir string) string {
			b := readFile(t, filepath.Join(dir, "persons.csv"))
			writeFile(t, filepath.Join(dir, "persons.csv"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
			return dir
		}, exit: 0, table: "persons", rows: [3]int64{n["persons"], n["persons"], 0}},
		{name: "lone CR line ends", edit: func(t *testing.T, dir string) string {
			b := readFile(t, filepath.Join(dir, "persons.csv"))
			writeFile(t, filepath.Join(dir, "persons.csv"), bytes.ReplaceAll(b, []byte("\n"), []byte("\r")))
			return dir
		}, exit: 1, msg: "persons.csv: the lines end in a lone CR"},
		{name: "row with more fields than the header", edit: appendTo("persons.csv", "P005,1950,female,a,b"), exit: 1, msg: "persons.csv:6: not readable as CSV: the row has more fields than the header (4)"},
		{name: "row with fewer fields than the header", edit: appendTo("persons.csv", "P005,1950"), exit: 1, msg: "persons.csv:6: not readable as CSV"},

		// ---- dates
		{name: "date 2026-02-30", edit: appendTo("sips.csv", sipRow("S009", "2026-02-30")), exit: 0, msg: `"2026-02-30" is not a date (want YYYY-MM-DD)`, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"], 1}},
		{name: "date 26-01-05", edit: appendTo("sips.csv", sipRow("S009", "26-01-05")), exit: 0, msg: `"26-01-05" is not a date`, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"], 1}},
		{name: "date 2026/01/05", edit: appendTo("sips.csv", sipRow("S009", "2026/01/05")), exit: 0, msg: `"2026/01/05" is not a date`, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"], 1}},
		{name: "Excel serial in a CSV date", edit: appendTo("sips.csv", sipRow("S009", "46027")), exit: 0, msg: `"46027" is not a date`, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"], 1}},
		{name: "XLSX real date cells and serials", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			// 46027 is 2026-01-05 as a plain number in a date column.
			if err := wb.SetCellValue("sips", "H2", 46027); err != nil {
				t.Fatal(err)
			}
		}), exit: 0, table: "sips", rows: [3]int64{n["sips"], n["sips"], 0}},

		// ---- codes
		{name: "unknown code", edit: appendTo("persons.csv", "P005,1950,martian,"), exit: 0, msg: `"martian" is not a known sex code`, table: "persons", rows: [3]int64{n["persons"] + 1, n["persons"], 1}},
		{name: "Swedish labels", edit: appendTo("participants.csv", "A008,M001,Kommunal hälso- och sjukvård,Kallad,Närvarade"),
			exit: 0, table: "participants", rows: [3]int64{n["participants"] + 1, n["participants"] + 1, 0}},

		// ---- keys
		{name: "duplicate key", edit: appendTo("persons.csv", "P001,1950,female,"), exit: 0, msg: "duplicate key P001 (first at line 2)", table: "persons", rows: [3]int64{n["persons"] + 1, n["persons"], 1}},
		{name: "dangling reference", edit: appendTo("sips.csv", "S009,P999,01,0180,standard,,individual,2026-02-01,,,,,,,,"), exit: 0, msg: `"P999" is not in persons`, table: "sips", rows: [3]int64{n["sips"] + 1, n["sips"], 1}},
		{name: "reference to another SIP's meeting", edit: appendTo("goals.csv", "G005,S002,M001,housing,,"), exit: 0, msg: `meeting "M001" belongs to SIP "S001", not to this goal's SIP "S002"`, table: "goals", rows: [3]int64{n["goals"] + 1, n["goals"], 1}},
		{name: "required value missing", edit: appendTo("persons.csv", ",1950,female,"), exit: 0, msg: "required value is missing", table: "persons", rows: [3]int64{n["persons"] + 1, n["persons"], 1}},

		// ---- manifest
		{name: "manifest not JSON", edit: manifestWith(`{"contract_version": "1",`), exit: 1, msg: "manifest.json: not valid JSON"},
		{name: "manifest of another contract version", edit: manifestWith(`{"contract_version": "2", "source": "Export", "extracted_at": "2026-10-05"}`), exit: 1, msg: `manifest.json: contract_version "2" is not supported`},
		{name: "manifest with a bad date", edit: manifestWith(`{"contract_version": "1", "source": "Export", "extracted_at": "2026-13-05"}`), exit: 1, msg: `manifest.json: extracted_at: "2026-13-05" is not a date`},
		{name: "manifest with a bad region code", edit: manifestWith(`{"contract_version": "1", "source": "Export", "region_code": "1", "extracted_at": "2026-10-05"}`), exit: 1, msg: `region_code: "1" is not a region code`},

		// ---- XLSX
		{name: "XLSX without a required sheet", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			if err := wb.DeleteSheet("persons"); err != nil {
				t.Fatal(err)
			}
		}), exit: 1, msg: "table persons is missing"},
		{name: "XLSX with an unknown sheet", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			wb.NewSheet("Blad1")
		}), exit: 1, msg: `extract.xlsx: sheet "Blad1" is not a table`},
		{name: "XLSX whole-number column stored as dates", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			// birth_year typed as dates (1 January of the year) in every row.
			fillColumn(t, wb, "persons", "B", n["persons"], false, func(r int) any { return time.Date(1940+r, 1, 1, 0, 0, 0, 0, time.UTC) })
		}), exit: 1, msg: "extract.xlsx[persons]: column birth_year is stored as Excel date cells (a date format) in every non-empty cell, but the contract's birth_year is a whole number"},
		{name: "XLSX date column stored as plain numbers", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			// need_detected_date as numbers in the General format in every row.
			fillColumn(t, wb, "sips", "H", n["sips"], true, func(r int) any { return 46027 + r })
		}), exit: 1, msg: "extract.xlsx[sips]: column need_detected_date is stored as plain numbers (no date format) in every non-empty cell, but the contract's need_detected_date is a date"},
		{name: "XLSX date column of text that is no date", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			fillColumn(t, wb, "sips", "H", n["sips"], true, func(r int) any { return fmt.Sprintf("v%d", r) })
		}), exit: 1, msg: "extract.xlsx[sips]: column need_detected_date is stored as values that are not dates in every non-empty cell"},
		{name: "XLSX whole-number column of text", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			fillColumn(t, wb, "persons", "B", n["persons"], false, func(int) any { return "okänt" })
		}), exit: 1, msg: "extract.xlsx[persons]: column birth_year is stored as values that are not whole numbers in every non-empty cell"},
		{name: "XLSX one bad date cell among good ones", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			if err := wb.SetCellValue("sips", "H4", "snart"); err != nil {
				t.Fatal(err)
			}
		}), exit: 0, msg: `"snart" is not a date`, table: "sips", rows: [3]int64{n["sips"], n["sips"] - 1, 1}},
		{name: "XLSX sparse date column whose only value is no date", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			// closed_date: only S001 (row 2) has one.
			if v, _ := wb.GetCellValue("sips", "N2"); v == "" {
				t.Fatal("sips N2 (closed_date of S001) is empty")
			}
			if err := wb.SetCellValue("sips", "N2", "snart"); err != nil {
				t.Fatal(err)
			}
		}), exit: 0, msg: `"snart" is not a date`, table: "sips", rows: [3]int64{n["sips"], n["sips"] - 1, 1}},
		{name: "XLSX one date cell in a whole-number column", form: writeXLSX, edit: editXLSX(func(t *testing.T, wb *excelize.File) {
			if err := wb.SetCellValue("persons", "B3", time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
		}), exit: 0, msg: "birth_year", table: "persons", rows: [3]int64{n["persons"], n["persons"] - 1, 1}},
		{name: "truncated XLSX", form: writeXLSX, edit: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, workbookName)
			b := readFile(t, p)
			writeFile(t, p, b[:len(b)/2])
			return dir
		}, exit: 1, msg: "extract.xlsx: not a readable XLSX workbook"},

		// ---- Parquet
		{name: "a text file named .parquet", form: writeParquet, edit: setFile("sips.parquet", []byte("sip_id\nS1\n")), exit: 1, msg: "sips.parquet: not a Parquet file"},

		// ---- the folder
		{name: "unknown table file", edit: setFile("visits.csv", []byte("a\n1\n")), exit: 1, msg: `visits.csv: unknown table "visits"`},
		{name: "table delivered twice", edit: func(t *testing.T, dir string) string {
			writeFile(t, filepath.Join(dir, "sips.parquet"), []byte("PAR1"))
			return dir
		}, exit: 1, msg: "table sips is delivered twice"},
		{name: "required table missing", edit: func(t *testing.T, dir string) string {
			os.Remove(filepath.Join(dir, "sips.csv"))
			return dir
		}, exit: 1, msg: "table sips is missing"},
		{name: "older extract than the one loaded", edit: manifestWith(`{"contract_version": "1", "source": "Region Stockholm / Lifecare SP export", "region_code": "01", "extracted_at": "2025-10-05"}`),
			exit: 1, msg: "already holds a newer extract"},
		{name: "same extract again", exit: 0, table: "sips", rows: [3]int64{n["sips"], n["sips"], 0}},
		{name: "a header row split by a stray quote", edit: func(t *testing.T, dir string) string {
			writeFile(t, filepath.Join(dir, "population.csv"), []byte("municipality_code,\"year,population\n0180,2025,1\n"))
			return dir
		}, exit: 1, msg: `population.csv:1: header: parse error on line 1, column 35: extraneous or missing " in quoted-field`},
	}
}

// dbObjects lists every table, view and attached database a connection
// sees, temporary ones too.
func dbObjects(t testing.TB, q warehouse.Querier) []string {
	t.Helper()
	// The database file's own name (it differs between copies) is "db".
	return dump(t, q, `with objects as (
			select 'table' as kind, database_name, schema_name, table_name as name from duckdb_tables()
			union all select 'view', database_name, schema_name, view_name from duckdb_views() where not internal
			union all select 'database', database_name, '', '' from duckdb_databases() where not internal
		)
		select kind || ' ' || case when database_name = current_database() then 'db' else database_name end || '.' || schema_name || '.' || name
		from objects order by all`)
}

func fileHash(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return "absent"
		}
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil))
}

// TestBadInputCorpus loads each case of corpusCases into a database holding
// the fixture already, and checks the exit status, the message, the file's
// row counts, and that a refused load changed nothing: the same rows, no
// object left behind, nothing written to the WAL or the file.
func TestBadInputCorpus(t *testing.T) {
	ctx := context.Background()
	base := filepath.Join(t.TempDir(), "base.duckdb")
	{
		db := openDB(t, base)
		mustLoad(t, db, "testdata/extract", Options{})
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	baseBytes := readFile(t, base)
	cases := corpusCases()
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var dir string
			if tc.form != nil {
				dir = tc.form(t, "testdata/extract")
			} else {
				dir = copyFixture(t, "testdata/extract")
			}
			if tc.edit != nil {
				dir = tc.edit(t, dir)
			}
			path := filepath.Join(t.TempDir(), "sip.duckdb")
			writeFile(t, path, baseBytes)
			db, err := warehouse.Open(ctx, path, warehouse.Options{Threads: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			before, objBefore := snapshot(t, db), dbObjects(t, db)
			sum, err := Load(ctx, db, dir, Options{})
			exit := 0
			if err != nil {
				exit = 1
			}
			if exit != tc.exit {
				t.Fatalf("exit %d, want %d (error: %v)", exit, tc.exit, err)
			}
			if tc.notInMsg != "" && err != nil && strings.Contains(err.Error(), tc.notInMsg) {
				t.Errorf("the message quotes %q: %v", tc.notInMsg, err)
			}
			if err != nil && strings.Contains(err.Error(), "sql/") {
				t.Errorf("the message names an internal SQL file: %v", err)
			}
			if tc.privacy != errors.Is(err, ErrNotAnonymised) {
				t.Errorf("errors.Is(err, ErrNotAnonymised) = %v, want %v (%v)", !tc.privacy, tc.privacy, err)
			}
			if err != nil && strings.Contains(err.Error(), testPNR) {
				t.Errorf("the message holds the personal number: %v", err)
			}
			if exit == 1 {
				if !strings.Contains(err.Error(), tc.msg) {
					t.Errorf("error %q, want it to contain %q", err, tc.msg)
				}
				if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
					t.Errorf("a refused load changed the data")
				}
				if after := dbObjects(t, db); !reflect.DeepEqual(objBefore, after) {
					t.Errorf("objects after a refused load:\n%s\nbefore:\n%s", strings.Join(after, "\n"), strings.Join(objBefore, "\n"))
				}
				if st, err := os.Stat(path + ".wal"); err == nil && st.Size() > 0 {
					t.Errorf("a refused load wrote %d bytes to the WAL", st.Size())
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(readFile(t, path), baseBytes) {
					t.Errorf("a refused load changed the database file")
				}
				return
			}
			var found *FileSummary
			for i, fs := range sum.Files {
				if fs.Read != fs.Loaded+fs.Rejected {
					t.Errorf("%s: read %d ≠ loaded %d + rejected %d", fs.File, fs.Read, fs.Loaded, fs.Rejected)
				}
				if fs.Table == tc.table {
					found = &sum.Files[i]
				}
			}
			if found == nil {
				t.Fatalf("no file summary of %s", tc.table)
			}
			if got := [3]int64{found.Read, found.Loaded, found.Rejected}; got != tc.rows {
				t.Errorf("%s: read/loaded/rejected %v, want %v", found.File, got, tc.rows)
			}
			texts := append(dump(t, db, "select file_name || ':' || line || ': ' || column_name || ': ' || reason from load_rejects"), sum.Warnings...)
			all := strings.Join(texts, "\n")
			if tc.msg != "" && !strings.Contains(all, tc.msg) {
				t.Errorf("rejects and warnings:\n%s\nwant one with %q", all, tc.msg)
			}
			if after := dbObjects(t, db); !reflect.DeepEqual(objBefore, after) {
				t.Errorf("objects after the load:\n%s\nbefore:\n%s", strings.Join(after, "\n"), strings.Join(objBefore, "\n"))
			}
		})
	}
}
