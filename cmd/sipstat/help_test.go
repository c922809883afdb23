package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestExitStatus checks the exit statuses documented in --help: every
// mistake of the caller exits 2 before any database is opened (the --db
// given does not exist), a command that fails exits 1.
func TestExitStatus(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.duckdb")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no command prints the help", nil, 0},
		{"help of a command", []string{"help", "kpi"}, 0},
		{"an unknown command", []string{"nosuchcommand"}, 2},
		{"an argument a command does not take", []string{"kpi", "extra"}, 2},
		{"a missing argument", []string{"load"}, 2},
		{"an unknown flag", []string{"kpi", "--nosuchflag"}, 2},
		{"a format the command does not write", []string{"kpi", "--db", missing, "--format", "xml"}, 2},
		{"a format export does not write", []string{"export", "--db", missing, "--format", "csv", "--out", "x"}, 2},
		{"a date that is no date", []string{"kpi", "--db", missing, "--as-of", "2026-13-01"}, 2},
		{"a sample date that is no date", []string{"sample", "--out", "x", "--as-of", "5 oktober"}, 2},
		{"a load date that is no date", []string{"load", "--db", missing, "--as-of", "2026-02-30", "dir"}, 2},
		{"a quarter that is no quarter", []string{"report", "--db", missing, "--period", "2026Q5"}, 2},
		{"--from without --to", []string{"kpi", "--db", missing, "--from", "2026-01-01"}, 2},
		{"--to before --from", []string{"kpi", "--db", missing, "--from", "2026-06-30", "--to", "2026-01-01"}, 2},
		{"a report language we do not write", []string{"report", "--db", missing, "--lang", "de"}, 2},
		{"an unknown query", []string{"query", "--db", missing, "nosuchquery"}, 2},
		{"a --param that is not name=value", []string{"query", "--db", missing, "lead_times_by_municipality", "--param", "quarters"}, 2},
		{"a --param the query does not take", []string{"query", "--db", missing, "lead_times_by_municipality", "--param", "nosuch=1"}, 2},
		{"a --param of the wrong type", []string{"query", "--db", missing, "lead_times_by_municipality", "--param", "quarters=four"}, 2},
		{"xlsx without --out", []string{"query", "--db", missing, "--sql", "select 1", "--format", "xlsx"}, 2},
		{"neither a query nor --sql", []string{"query", "--db", missing}, 2},
		{"sample without --out", []string{"sample"}, 2},
		{"a database that does not exist", []string{"kpi", "--db", missing}, 1},
		{"a query on a database that does not exist", []string{"query", "--db", missing, "lead_times_by_municipality", "--param", "quarters=4"}, 1},
		{"an extract folder that does not exist", []string{"load", "--db", filepath.Join(t.TempDir(), "new.duckdb"), filepath.Join(t.TempDir(), "nosuchdir")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, tt.args...)
			if code != tt.want {
				t.Errorf("sipstat %s: exit %d, want %d\n%s", strings.Join(tt.args, " "), code, tt.want, stderr)
			}
			if code != 0 && !strings.HasPrefix(stderr, "sipstat: ") {
				t.Errorf("stderr does not say what went wrong: %q", stderr)
			}
		})
	}
}

// TestHelpDocumentsExitStatus checks every command's help lists the exit
// statuses, with the one for a bad --param.
func TestHelpDocumentsExitStatus(t *testing.T) {
	for _, cmd := range commands(newRoot()) {
		var out bytes.Buffer
		cmd.SetOut(&out)
		if err := cmd.Usage(); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "Exit status:") || !strings.Contains(out.String(), "bad --param") {
			t.Errorf("%s: help has no exit statuses:\n%s", cmd.CommandPath(), out.String())
		}
	}
}

// TestExamples checks that every command's help has an example and that
// each example is a valid call of that command: it names the command, its
// flags parse and its arguments are accepted. Nothing is run.
func TestExamples(t *testing.T) {
	for _, cmd := range commands(newRoot()) {
		path := cmd.CommandPath()
		if strings.TrimSpace(cmd.Example) == "" {
			t.Errorf("%s: no Example in its help", path)
			continue
		}
		for _, line := range strings.Split(cmd.Example, "\n") {
			args := exampleArgs(line)
			if args == nil {
				t.Errorf("%s: example %q does not call sipstat", path, line)
				continue
			}
			// A fresh command tree per example: flags keep their values.
			root := newRoot()
			found, rest, err := root.Find(args)
			if err != nil {
				t.Errorf("%s: example %q: %v", path, line, err)
				continue
			}
			// The root's examples show the commands; a command's its own.
			if found.CommandPath() != path && cmd.HasParent() {
				t.Errorf("example %q in the help of %s calls %s", line, path, found.CommandPath())
				continue
			}
			if err := found.ParseFlags(rest); err != nil {
				t.Errorf("%s: example %q: %v", path, line, err)
				continue
			}
			if err := found.ValidateArgs(found.Flags().Args()); err != nil {
				t.Errorf("%s: example %q: %v", path, line, err)
			}
		}
	}
}

func TestExamplesCatchAStaleFlag(t *testing.T) {
	root := newRoot()
	found, rest, _ := root.Find(exampleArgs(`  sipstat kpi --quarter 2026Q3 --format csv > kpi.csv`))
	if err := found.ParseFlags(rest); err == nil {
		t.Error("an example with a flag that does not exist parses")
	}
}

func newRoot() *cobra.Command {
	a := &app{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	root := a.rootCommand()
	root.InitDefaultHelpCmd()
	return root
}

// commands lists the root and every command below it but cobra's own help.
func commands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		out = append(out, commands(c)...)
	}
	return out
}

// exampleArgs returns the arguments of the sipstat call on an example line,
// splitting as a shell would on blanks outside double quotes, up to a
// redirection, pipe or comment; nil when the line calls no sipstat.
func exampleArgs(line string) []string {
	var words []string
	var cur strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
			continue
		case !quoted && (r == ' ' || r == '\t'):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
			continue
		case !quoted && (r == '>' || r == '|' || r == '#'):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
			words = append(words, string(r))
			continue
		}
		cur.WriteRune(r)
		inWord = true
	}
	if inWord {
		words = append(words, cur.String())
	}
	for i, w := range words {
		if w != "sipstat" {
			continue
		}
		args := []string{}
		for _, a := range words[i+1:] {
			if a == ">" || a == "|" || a == "#" {
				break
			}
			args = append(args, a)
		}
		return args
	}
	return nil
}
