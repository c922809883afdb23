package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func appendLines(t testing.TB, path string, lines ...string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, l := range lines {
		if _, err := f.WriteString(l + "\n"); err != nil {
			t.Fatal(err)
		}
	}
}

// badExtract is the fixture plus rows that must be rejected: sips.csv lines
// 6–10 and rows of child tables that depend on them.
func badExtract(t testing.TB) string {
	dir := copyFixture(t, "testdata/extract")
	appendLines(t, filepath.Join(dir, "sips.csv"),
		// line 6: unknown code
		"S005,P001,01,0181,emergency,,individual,2026-02-01,,,,,,,,",
		// line 7: duplicate id (S001 is line 2)
		"S001,P004,01,0180,standard,,individual,2026-02-01,,,,,,,,",
		// line 8: dangling foreign key
		"S006,P999,01,0180,standard,,individual,2026-02-01,,,,,,,,",
		// line 9: not a date
		"S007,P004,01,0180,standard,,individual,2026-13-01,,,,,,,,",
		// line 10: municipality outside its region, required value missing
		"S008,P004,14,0180,standard,,,2026-02-01,,,,,,,,",
	)
	// persons line 6: born before 1900; line 7: an id longer than 64 characters.
	appendLines(t, filepath.Join(dir, "persons.csv"), "P005,1850,male,", "P"+strings.Repeat("x", 64)+",1950,male,")
	// meetings line 8: its SIP was rejected (line 6); line 9: fine.
	appendLines(t, filepath.Join(dir, "meetings.csv"),
		"M007,S005,initial,2026-02-05,planned,,,,,,",
		"M008,S004,initial,2026-07-05,planned,,,,,,",
	)
	// goals line 6: the meeting belongs to another SIP.
	appendLines(t, filepath.Join(dir, "goals.csv"), "G005,S002,M001,housing,,")
	// survey_answers line 8: outside the scale; line 9: no such question.
	appendLines(t, filepath.Join(dir, "survey_answers.csv"), "R002,Q9,3")
	b, _ := os.ReadFile(filepath.Join(dir, "survey_answers.csv"))
	os.WriteFile(filepath.Join(dir, "survey_answers.csv"), []byte(strings.Replace(string(b), "R001,Q3,\n", "R001,Q3,7\n", 1)), 0o644)
	return dir
}

func TestBadRowsAreRejectedWithReasons(t *testing.T) {
	db := openDB(t, "")
	sum := mustLoad(t, db, badExtract(t), Options{})

	// Sorted by table name: goals, meetings, persons, sips, survey_answers.
	// load_rejects is ordered by table name here, not contract order.
	wantRows(t, db, "select file_name, line, column_name, reason from load_rejects order by table_name, line, column_name",
		"goals.csv|6|set_at_meeting_id|meeting \"M001\" belongs to SIP \"S001\", not to this goal's SIP \"S002\"",
		"meetings.csv|8|sip_id|sips \"S005\" was rejected (sips.csv:6), so this row is too",
		"persons.csv|6|birth_year|1850 is outside 1900…2026",
		"persons.csv|7|person_id|id is 65 characters long (at most 64)",
		"sips.csv|6|context|\"emergency\" is not a known context code (want discharge, child_placement, standard, or its Swedish label)",
		"sips.csv|7|sip_id|duplicate key S001 (first at line 2)",
		"sips.csv|8|person_id|\"P999\" is not in persons",
		"sips.csv|9|need_detected_date|\"2026-13-01\" is not a date (want YYYY-MM-DD)",
		"sips.csv|10|initiated_by|required value is missing",
		"sips.csv|10|municipality_code|municipality 0180 is not in region 14",
		"survey_answers.csv|4|value|7 is outside the question's scale 1…5",
		"survey_answers.csv|8|question_id|question \"Q9\" is not in survey \"B2026\"",
	)

	counts := map[string][3]int64{}
	for _, f := range sum.Files {
		if f.Read != f.Loaded+f.Rejected {
			t.Errorf("%s: read %d ≠ loaded %d + rejected %d", f.File, f.Read, f.Loaded, f.Rejected)
		}
		counts[f.Table] = [3]int64{f.Read, f.Loaded, f.Rejected}
	}
	for table, c := range map[string][3]int64{
		"sips": {9, 4, 5}, "meetings": {8, 7, 1}, "goals": {5, 4, 1}, "survey_answers": {7, 5, 2}, "persons": {6, 4, 2},
	} {
		if counts[table] != c {
			t.Errorf("%s: read/loaded/rejected = %v, want %v", table, counts[table], c)
		}
	}
	if sum.Rejects != 11 {
		t.Errorf("Summary.Rejects = %d, want 11", sum.Rejects)
	}
	if n := count(t, db, "select count(*) from raw.sips"); n != 4 {
		t.Errorf("raw.sips has %d rows, want the 4 good ones", n)
	}
	var text strings.Builder
	sum.WriteText(&text)
	for _, s := range []string{"sips.csv:9: need_detected_date: \"2026-13-01\" is not a date (want YYYY-MM-DD)", "11 rows rejected"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("summary lacks %q:\n%s", s, text.String())
		}
	}
}

func TestStrictLoadWithRejectsChangesNothing(t *testing.T) {
	db := openDB(t, "")
	mustLoad(t, db, "testdata/extract", Options{})
	before := snapshot(t, db)
	_, err := Load(context.Background(), db, badExtract(t), Options{Strict: true})
	if err == nil || !strings.Contains(err.Error(), "strict load: 11 rows rejected") {
		t.Fatalf("err = %v, want a strict refusal naming 11 rows", err)
	}
	if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("a failed strict load changed the database")
	}
}

func TestUnreadableInputStopsTheLoad(t *testing.T) {
	cases := []struct {
		name  string
		setup func(dir string)
		want  string
	}{
		{"a missing required column", func(dir string) {
			os.WriteFile(filepath.Join(dir, "persons.csv"), []byte("person_id,sex\nP001,female\n"), 0o644)
		}, "persons.csv:1: required column birth_year is missing"},
		{"an unknown table", func(dir string) {
			os.WriteFile(filepath.Join(dir, "patients.csv"), []byte("a,b\n1,2\n"), 0o644)
		}, `patients.csv: unknown table "patients"`},
		{"a binary file", func(dir string) {
			os.WriteFile(filepath.Join(dir, "goals.csv"), []byte("PK\x03\x04\x00\x00\x08\x00binary\x00\x01\x02"), 0o644)
		}, "goals.csv: binary file"},
		{"an empty file", func(dir string) {
			os.WriteFile(filepath.Join(dir, "consents.csv"), nil, 0o644)
		}, "consents.csv: empty file"},
		{"a missing required table", func(dir string) {
			os.Remove(filepath.Join(dir, "meetings.csv"))
		}, "table meetings is missing"},
		{"a file with a header and no rows is fine, but a missing sheet of a required table is not", func(dir string) {
			os.WriteFile(filepath.Join(dir, "goal_reviews.csv"), []byte("goal_id,meeting_id,status\n"), 0o644)
			os.Remove(filepath.Join(dir, "goals.csv"))
		}, "table goals is missing"},
		{"a row with too many fields", func(dir string) {
			appendLines(t, filepath.Join(dir, "persons.csv"), "P009,1950,male,x,y,z")
		}, "persons.csv:6: not readable as CSV: the row has more fields than the header (4)"},
		{"a quote that is never closed", func(dir string) {
			appendLines(t, filepath.Join(dir, "sips.csv"), `S009,"P001,01`)
		}, "sips.csv:6: not readable as CSV: a quoted value is not closed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t, "")
			mustLoad(t, db, "testdata/extract", Options{})
			before := snapshot(t, db)
			dir := copyFixture(t, "testdata/extract")
			c.setup(dir)
			os.WriteFile(filepath.Join(dir, manifestName), []byte(`{"contract_version":"1","source":"`+fixtureSource+`","extracted_at":"2026-12-31"}`), 0o644)
			_, err := Load(context.Background(), db, dir, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want it to contain %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line: %q", err)
			}
			if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("a failed load changed the database")
			}
		})
	}
}

var _ = errors.Is

func TestHeaderOnlyFileLoadsNoRows(t *testing.T) {
	dir := copyFixture(t, "testdata/extract")
	os.WriteFile(filepath.Join(dir, "goal_reviews.csv"), []byte("goal_id,meeting_id,status\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "population.csv"), []byte("municipality_code;year;population\r\n"), 0o644)
	db := openDB(t, "")
	sum := mustLoad(t, db, dir, Options{})
	for _, f := range sum.Files {
		if (f.Table == "goal_reviews" || f.Table == "population") && (f.Read != 0 || f.Loaded != 0) {
			t.Errorf("%s: read %d loaded %d, want 0", f.Table, f.Read, f.Loaded)
		}
	}
	if n := count(t, db, "select count(*) from load_files where table_name in ('goal_reviews', 'population')"); n != 2 {
		t.Errorf("header-only files have %d load_files rows, want 2 (delivered, empty)", n)
	}
}

// TestSelfReferenceToARowWithACellProblem: without duplicates or dangling
// keys, a file takes the one-pass way; a reference within the table to a
// row rejected for a bad cell must still cascade (the exact way is taken).
func TestSelfReferenceToARowWithACellProblem(t *testing.T) {
	dir := copyFixture(t, "testdata/extract")
	appendLines(t, filepath.Join(dir, "sips.csv"),
		// line 6: unknown code
		"S005,P001,01,0181,emergency,,individual,2026-02-01,,,,,,,,",
		// line 7: a restart of S005
		"S006,P004,01,0180,standard,,individual,2026-03-01,,,,,,,,S005",
		// line 8: a restart of a loaded SIP: fine
		"S007,P004,01,0180,standard,,individual,2026-03-01,,,,,,,,S001",
	)
	db := openDB(t, "")
	mustLoad(t, db, dir, Options{})
	wantRows(t, db, "select file_name, line, column_name, reason from load_rejects order by line",
		"sips.csv|6|context|\"emergency\" is not a known context code (want discharge, child_placement, standard, or its Swedish label)",
		"sips.csv|7|restart_of|sips \"S005\" was rejected (sips.csv:6), so this row is too",
	)
	if got := dump(t, db, "select sip_id from raw.sips where sip_id >= 'S005' order by all"); !reflect.DeepEqual(got, []string{"S007"}) {
		t.Errorf("loaded sips from S005 on = %q, want only S007", got)
	}
}

// TestSameSIPRulesOnTheOnePassWay: files whose only problem is a table rule
// (a goal set at, or reviewed at, a meeting of another SIP) are found by the
// one-pass probe and rejected with the rule's reason.
func TestSameSIPRulesOnTheOnePassWay(t *testing.T) {
	db, _ := loadAppended(t, map[string][]string{
		// goals line 6: set at M003, a meeting of S002.
		"goals.csv": {"G005,S001,M003,housing,,"},
		// goal_reviews: G001 (S001) reviewed at M004, a meeting of S002.
		"goal_reviews.csv": {"G001,M004,achieved"},
	})
	wantRows(t, db, "select file_name, column_name, reason from load_rejects order by all",
		"goal_reviews.csv|meeting_id|meeting \"M004\" belongs to SIP \"S002\", not to the goal's SIP \"S001\"",
		"goals.csv|set_at_meeting_id|meeting \"M003\" belongs to SIP \"S002\", not to this goal's SIP \"S001\"",
	)
}

// TestSelfReferenceFindingCascades: the probe of the rows written finds a
// reference within sips to no SIP, which sends the file the exact way; a
// meeting of the rejected SIP and a goal of both are rejected as their
// dependants.
func TestSelfReferenceFindingCascades(t *testing.T) {
	db, sum := loadAppended(t, map[string][]string{
		// sips line 6: a restart of no SIP.
		"sips.csv": {"S005,P004,01,0180,standard,,individual,2026-03-01,,,,,,,,S999"},
		// meetings line 8 and goals line 6 belong to S005.
		"meetings.csv": {"M007,S005,initial,2026-03-05,planned,,,,,,"},
		"goals.csv":    {"G005,S005,M007,housing,,"},
	})
	wantRows(t, db, "select file_name, line, column_name, reason from load_rejects order by table_name, line",
		"goals.csv|6|set_at_meeting_id|meetings \"M007\" was rejected (meetings.csv:8), so this row is too",
		"goals.csv|6|sip_id|sips \"S005\" was rejected (sips.csv:6), so this row is too",
		"meetings.csv|8|sip_id|sips \"S005\" was rejected (sips.csv:6), so this row is too",
		"sips.csv|6|restart_of|\"S999\" is not in sips",
	)
	if sum.Rejects != 3 || len(sum.Files) != 14 {
		t.Errorf("summary: %d rejected rows in %d files, want 3 in 14", sum.Rejects, len(sum.Files))
	}
	for _, f := range sum.Files {
		if f.Read != f.Loaded+f.Rejected {
			t.Errorf("%s: read %d ≠ loaded %d + rejected %d", f.File, f.Read, f.Loaded, f.Rejected)
		}
	}
	for table, want := range map[string]int64{"sips": 4, "meetings": 6, "goals": 4} {
		if n := count(t, db, "select count(*) from raw."+table); n != want {
			t.Errorf("raw.%s has %d rows, want %d", table, n, want)
		}
	}
}

// TestRepeatedKeysTheKeyScanCannotSee: the prescan tells repeated keys
// apart in files without quotes, trimming spaces; a file with quotes is
// left to DuckDB. Both kinds of repeat are rejected.
func TestRepeatedKeysTheKeyScanCannotSee(t *testing.T) {
	db, _ := loadAppended(t, map[string][]string{
		// persons line 6: P001 quoted (the scan does not answer for the file).
		"persons.csv": {`"P001",1960,male,`},
		// meetings line 8: M001 with a space before it.
		"meetings.csv": {" M001,S002,initial,2026-03-05,planned,,,,,,"},
	})
	wantRows(t, db, "select file_name, line, column_name, reason from load_rejects order by table_name, line",
		"meetings.csv|8|meeting_id|duplicate key M001 (first at line 2)",
		"persons.csv|6|person_id|duplicate key P001 (first at line 2)",
	)
}

// TestLineNumbersCountBreaksInQuotedCells: a quoted cell may hold line
// breaks; a reject names the line its row starts on, in UTF-8 (read by
// DuckDB) as in Windows-1252 (read by Go).
func TestLineNumbersCountBreaksInQuotedCells(t *testing.T) {
	for _, enc := range []string{"utf-8", "windows-1252"} {
		t.Run(enc, func(t *testing.T) {
			dir := copyFixture(t, "testdata/extract")
			// ö/å make the Windows-1252 file invalid UTF-8 (and hold no
			// valid UTF-8 sequence, else it would be UTF-8 with bad bytes).
			text, two := "Söder", "två"
			if enc == "windows-1252" {
				text, two = "S\xf6der", "tv\xe5"
			}
			if enc == "windows-1252" {
				// The whole file in Windows-1252 (the fixture's own rows are UTF-8).
				path := filepath.Join(dir, "persons.csv")
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if b, err = charmap.Windows1252.NewEncoder().Bytes(b); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(path, b, 0o644)
			}
			appendLines(t, filepath.Join(dir, "persons.csv"),
				// lines 6–8: one row, its comment on three lines
				`P005,1950,female,"bor i `+text+`,`,
				`flyttade 2020`,
				`till Solna"`,
				// line 9: born before 1900
				"P006,1850,male,",
				// lines 10–11: one row (CRLF inside the quotes)
				"P007,1960,male,\""+two+"\r\nrader\"",
				// line 12: born before 1900
				"P008,1851,male,",
			)
			db := openDB(t, "")
			mustLoad(t, db, dir, Options{})
			got := dump(t, db, "select file_name, line, column_name from load_rejects order by line")
			want := []string{"persons.csv|9|birth_year", "persons.csv|12|birth_year"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rejects = %q, want %q", got, want)
			}
			if n := count(t, db, "select count(*) from raw.persons where person_id in ('P005', 'P007')"); n != 2 {
				t.Errorf("%d of the rows with line breaks loaded, want 2", n)
			}
		})
	}
}
