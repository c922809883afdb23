package warehouse

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenSaysWhatTheFileIs: a SQLite file or any other file that is no
// DuckDB database is refused before DuckDB tries it (DuckDB asked to
// install its sqlite extension), and the existing file is untouched.
func TestOpenSaysWhatTheFileIs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	sqlite := filepath.Join(dir, "sip.db")
	head := append([]byte("SQLite format 3\x00"), make([]byte, 84)...)
	os.WriteFile(sqlite, head, 0o644)
	text := filepath.Join(dir, "notes.duckdb")
	os.WriteFile(text, []byte("just some text, not a database\n"), 0o644)
	for path, want := range map[string]string{
		sqlite: "it is a SQLite database, not a DuckDB file",
		text:   "not a DuckDB database file",
	} {
		before, _ := os.ReadFile(path)
		_, err := Open(ctx, path, Options{})
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "extension") {
			t.Errorf("%s: error %v, want %q", filepath.Base(path), err, want)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s was changed", filepath.Base(path))
		}
	}
}

// TestLockMessage: a database held by another process is refused with a
// message saying what to do with sipstat, not the DuckDB CLI's flags.
func TestLockMessage(t *testing.T) {
	if os.Getenv("WAREHOUSE_HOLD_DB") != "" {
		return // the helper process's own run of this test
	}
	path := filepath.Join(t.TempDir(), "held.duckdb")
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestHoldDatabase$")
	cmd.Env = append(os.Environ(), "WAREHOUSE_HOLD_DB="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("helper: %v", err)
		}
		if strings.HasPrefix(line, "holding") {
			break
		}
	}
	_, err = Open(context.Background(), path, Options{})
	if err == nil {
		t.Fatal("opened a database another process holds")
	}
	msg := err.Error()
	for _, want := range []string{"held.duckdb: it is in use by another process", "wait until that command ends"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q, want %q", msg, want)
		}
	}
	if strings.Contains(msg, "-readonly") || strings.Contains(msg, "duckdb.org") {
		t.Errorf("message points to DuckDB's CLI or docs: %q", msg)
	}
}

// TestHoldDatabase is the helper of TestLockMessage: it holds the database
// open until killed.
func TestHoldDatabase(t *testing.T) {
	path := os.Getenv("WAREHOUSE_HOLD_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	os.Stdout.WriteString("holding\n")
	time.Sleep(time.Minute)
}
