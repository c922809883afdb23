package queries

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func newSession(t *testing.T) *Session {
	t.Helper()
	db := newFixtureDB(t, true)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return NewSession(context.Background(), conn)
}

func TestSessionTables(t *testing.T) {
	s := newSession(t)
	out, err := s.Exec(".tables")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "lead") || !strings.Contains(out, "Ledtider (fixture).") {
		t.Errorf(".tables = %q", out)
	}
	out, err = s.Exec(".schema lead")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "period") || !strings.Contains(out, "Kvartal.") || !strings.Contains(out, "DECIMAL(6,1)") {
		t.Errorf(".schema lead = %q", out)
	}
	if _, err := s.Exec(".schema nothing"); err == nil {
		t.Error(".schema of a missing table gave no error")
	}
}

func TestSessionCompletion(t *testing.T) {
	s := newSession(t)
	got := s.Complete("n_")
	if !slices.Equal(got, []string{"n_due", "n_sips"}) {
		t.Errorf("Complete(n_) = %v", got)
	}
	if got := s.Complete("LE"); !slices.Contains(got, "lead") || !slices.Contains(got, "left") {
		t.Errorf("Complete(LE) = %v, want lead and left", got)
	}
	if got := s.Complete(".ta"); !slices.Equal(got, []string{".tables"}) {
		t.Errorf("Complete(.ta) = %v", got)
	}
	head, words, tail := s.completeWord("select mun from lead", 10)
	if head != "select " || !slices.Equal(words, []string{"municipality_code"}) || tail != " from lead" {
		t.Errorf("completeWord = %q %v %q", head, words, tail)
	}
}

func TestSessionQueryAndRecovery(t *testing.T) {
	s := newSession(t)
	// A statement over two lines runs when the ';' comes.
	if out, err := s.Exec("select municipality_code, n_sips from lead"); err != nil || out != "" || !s.Pending() {
		t.Fatalf("first line: %q, %v, pending %v", out, err, s.Pending())
	}
	out, err := s.Exec("where period = '2026Q2' and n_sips > 10 order by 1;")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"municipality_code", "0180", "0181", "(2 rows)"} {
		if !strings.Contains(out, want) {
			t.Errorf("result lacks %q:\n%s", want, out)
		}
	}
	// Bad SQL: an error, and the session carries on with nothing pending.
	if _, err := s.Exec("select no_such_column from lead;"); err == nil {
		t.Fatal("bad SQL gave no error")
	}
	if s.Pending() {
		t.Fatal("the failed statement is still pending")
	}
	if _, err := s.Exec(".mode csv"); err != nil {
		t.Fatal(err)
	}
	out, err = s.Exec("select count(*) as n from lead;")
	if err != nil || out != "n\n8\n" {
		t.Fatalf("after the error: %q, %v", out, err)
	}
	// The database is read-only: a write fails and the session goes on.
	if _, err := s.Exec("drop table lead;"); err == nil {
		t.Fatal("drop table succeeded on a read-only database")
	}
	if out, err := s.Exec("select count(*) as n from lead;"); err != nil || out != "n\n8\n" {
		t.Fatalf("after the refused write: %q, %v", out, err)
	}
	if _, err := s.Exec(".mode xlsx"); err == nil {
		t.Error(".mode xlsx accepted in the shell")
	}
	if _, err := s.Exec(".quit"); !errors.Is(err, ErrQuit) {
		t.Errorf(".quit: %v", err)
	}
}

func TestShellScript(t *testing.T) {
	db := newFixtureDB(t, true)
	in := strings.NewReader(".mode csv\nselect count(*) as n\n  from lead;\nselect oops;\nselect max(n_sips) as m from lead;\n")
	var out, errOut bytes.Buffer
	err := Shell(context.Background(), db, in, &out, &errOut, false)
	if err == nil || !strings.Contains(err.Error(), "1 statement(s) failed") {
		t.Errorf("Shell err = %v", err)
	}
	if out.String() != "n\n8\nm\n50\n" {
		t.Errorf("out = %q", out.String())
	}
	if !strings.HasPrefix(errOut.String(), "line 4: ") {
		t.Errorf("errOut = %q", errOut.String())
	}
}

func TestSessionTablesAll(t *testing.T) {
	s := newSession(t)
	out, err := s.Exec(".tables all")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "lead") {
		t.Errorf(".tables all = %q", out)
	}
	out, err = s.Exec(".schema all")
	if err != nil || !strings.Contains(out, "lead (table)") {
		t.Errorf(".schema all = %q, %v", out, err)
	}
}
