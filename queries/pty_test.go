package queries

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sipstat/sipstat/warehouse"
)

// TestShellPTYChild is the shell under test when TestShellPTY re-runs the
// test binary inside a pseudo-terminal; on its own it does nothing.
func TestShellPTYChild(t *testing.T) {
	path := os.Getenv("SIPSTAT_PTY_DB")
	if path == "" {
		t.Skip("only run by TestShellPTY")
	}
	db, err := warehouse.Open(context.Background(), path, warehouse.Options{ReadOnly: true, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Shell(context.Background(), db, os.Stdin, os.Stdout, os.Stderr, true); err != nil {
		t.Fatal(err)
	}
}

// lockedBuffer collects the terminal's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestShellPTY drives the interactive shell through a real pseudo-terminal
// (util-linux script(1) allocates it): Tab completes a table name, a query
// runs, bad SQL reports an error and the prompt comes back, Ctrl-D leaves,
// and the history file keeps the statements.
func TestShellPTY(t *testing.T) {
	scriptPath, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed; the line-level tests cover the shell")
	}
	db := newFixtureDB(t, true)
	dbPath := db.Path
	db.Close()
	home := t.TempDir()
	cmd := exec.Command(scriptPath, "-qec", "stty cols 120 rows 40; exec "+os.Args[0]+" -test.run=^TestShellPTYChild$ -test.count=1", "/dev/null")
	cmd.Env = append(os.Environ(), "SIPSTAT_PTY_DB="+dbPath, "HOME="+home, "XDG_CONFIG_HOME="+home, "TERM=xterm")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// waitFor waits until the output after position from contains s.
	waitFor := func(from int, s string) int {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			o := out.String()
			if i := strings.Index(o[min(from, len(o)):], s); i >= 0 {
				return from + i + len(s)
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("no %q in the terminal output:\n%s", s, out.String())
		return 0
	}
	send := func(s string) {
		t.Helper()
		if _, err := io.WriteString(stdin, s); err != nil {
			t.Fatal(err)
		}
	}
	pos := waitFor(0, "sipstat> ")
	send("select count(*) as n from lea")
	pos = waitFor(pos, "from lea")
	send("\t")
	pos = waitFor(pos, "from lead")
	send(";\r")
	pos = waitFor(pos, "(1 rows)")
	if !strings.Contains(out.String(), "│ 8 │") {
		t.Errorf("the count is missing:\n%s", out.String())
	}
	pos = waitFor(pos, "sipstat> ")
	send("select oops;\r")
	pos = waitFor(pos, "error: ")
	pos = waitFor(pos, "sipstat> ")
	send("\x04")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shell exited with %v:\n%s", err, out.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("Ctrl-D did not end the shell:\n%s", out.String())
	}
	hist, err := os.ReadFile(filepath.Join(home, "sipstat", "shell_history"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(hist), "select count(*) as n from lead;") || !strings.Contains(string(hist), "select oops;") {
		t.Errorf("history = %q", hist)
	}
}
