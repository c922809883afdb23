package queries

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "embed"

	"github.com/peterh/liner"

	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/completion_names.sql
var completionNamesSQL string

// ErrQuit is returned by Session.Exec for .quit and .exit.
var ErrQuit = errors.New("quit")

// Session is the state of one shell: the output mode, a statement being
// typed over several lines, and the names to complete. Exec and Complete are
// the line-level API the terminal loop (Shell) and the tests drive.
type Session struct {
	ctx     context.Context
	q       warehouse.Querier
	mode    Format
	pending strings.Builder
	names   []string // tables, views, columns, schemas; loaded lazily
}

// NewSession starts a session on q. Use one connection (*sql.Conn) so that
// SET and temporary tables last from one statement to the next.
func NewSession(ctx context.Context, q warehouse.Querier) *Session {
	return &Session{ctx: ctx, q: q, mode: FormatTable}
}

// Pending reports whether a statement is waiting for more lines (no ';' yet).
func (s *Session) Pending() bool { return s.pending.Len() > 0 }

const shellHelp = `.tables [all]        list the model's tables and views (all: also staging and raw)
.schema [NAME|all]   columns, types and comments (of NAME, or of the model)
.mode table|csv|json output format of query results
.queries             list the named queries
.run NAME [k=v …]    run a named query with parameters
.help                this text
.quit                leave (also Ctrl-D)
SQL statements end with ';' and may span lines. Tab completes table and
column names.
`

// Exec handles one input line: a dot command, or a line of SQL. SQL runs
// once a line ends with ';'; until then Exec returns "" and Pending is true.
// After an error the pending statement is dropped, so the next line starts
// afresh.
func (s *Session) Exec(line string) (string, error) {
	trimmed := strings.TrimSpace(line)
	if !s.Pending() && strings.HasPrefix(trimmed, ".") {
		return s.dot(trimmed)
	}
	if trimmed == "" && !s.Pending() {
		return "", nil
	}
	if s.Pending() {
		s.pending.WriteByte('\n')
	}
	s.pending.WriteString(line)
	if !strings.HasSuffix(trimmed, ";") {
		return "", nil
	}
	stmt := s.pending.String()
	s.pending.Reset()
	return s.query(stmt)
}

func (s *Session) query(stmt string) (string, error) {
	rows, err := s.q.QueryContext(s.ctx, stmt)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	src, err := newSQLRows(rows)
	if err != nil {
		return "", err
	}
	// Statements without a result (SET, CREATE TEMP …) have no columns to show.
	if len(src.Columns()) == 0 {
		return "", rows.Err()
	}
	var b strings.Builder
	n, err := write(&b, s.mode, src)
	if err != nil {
		return "", err
	}
	if s.mode == FormatTable {
		fmt.Fprintf(&b, "(%d rows)\n", n)
	}
	// A new table or column may have appeared (CREATE TEMP TABLE).
	s.names = nil
	return b.String(), nil
}

func (s *Session) dot(line string) (string, error) {
	fields := strings.Fields(line)
	switch fields[0] {
	case ".help":
		return shellHelp, nil
	case ".quit", ".exit":
		return "", ErrQuit
	case ".mode":
		if len(fields) != 2 {
			return fmt.Sprintf("mode: %s\n", s.mode), nil
		}
		f, err := ParseFormat(fields[1])
		if err != nil || f.Binary() {
			return "", fmt.Errorf(".mode %s: want table, csv or json", fields[1])
		}
		s.mode = f
		return "", nil
	case ".tables":
		objs, err := Describe(s.ctx, s.q, schemasFor(fields)...)
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for _, o := range objs {
			fmt.Fprintf(&b, "%-28s %-5s %s\n", qualified(o), o.Kind, firstSentence(o.Comment))
		}
		return b.String(), nil
	case ".schema":
		objs, err := Describe(s.ctx, s.q, schemasFor(fields)...)
		if err != nil {
			return "", err
		}
		if len(fields) > 1 && fields[1] != "all" {
			var keep []Object
			for _, o := range objs {
				if o.Name == fields[1] || qualified(o) == fields[1] {
					keep = append(keep, o)
				}
			}
			if len(keep) == 0 {
				return "", fmt.Errorf(".schema: no table or view %q", fields[1])
			}
			objs = keep
		}
		var b strings.Builder
		for _, o := range objs {
			fmt.Fprintf(&b, "%s (%s)", qualified(o), o.Kind)
			if o.Comment != "" {
				fmt.Fprintf(&b, " -- %s", o.Comment)
			}
			b.WriteString("\n")
			for _, c := range o.Columns {
				fmt.Fprintf(&b, "  %-32s %-14s %s\n", c.Name, c.Type, c.Comment)
			}
		}
		return b.String(), nil
	case ".queries":
		var b strings.Builder
		if err := WriteList(&b, s.mode); err != nil {
			return "", err
		}
		return b.String(), nil
	case ".run":
		if len(fields) < 2 {
			return "", fmt.Errorf(".run: want .run NAME [k=v …]")
		}
		q, err := Lookup(fields[1])
		if err != nil {
			return "", err
		}
		values, err := ParseParams(fields[2:])
		if err != nil {
			return "", err
		}
		var b strings.Builder
		st, err := Run(s.ctx, s.q, q, values, &b, Options{Format: s.mode})
		if err != nil {
			return "", err
		}
		if s.mode == FormatTable {
			fmt.Fprintf(&b, "(%d rows)\n", st.Rows)
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("unknown command %s (.help lists them)", fields[0])
}

// schemasFor returns the schemas .tables and .schema look in: the model
// (main), or with "all" or a qualified name also the staging views and the
// raw loaded rows.
func schemasFor(fields []string) []string {
	if len(fields) > 1 && (fields[1] == "all" || strings.Contains(fields[1], ".")) {
		return []string{"main", "staging", "raw"}
	}
	return []string{"main"}
}

var sqlKeywords = []string{
	"select", "from", "where", "group", "by", "order", "having", "limit", "with", "as",
	"join", "left", "inner", "on", "using", "and", "or", "not", "in", "is", "null",
	"case", "when", "then", "else", "end", "distinct", "count", "sum", "avg", "min", "max",
	"median", "quantile_cont", "date_trunc", "year", "quarter", "coalesce", "union", "all",
	"describe", "summarize", "between", "like", "ilike", "asc", "desc", "filter", "over",
	"partition", "qualify", "cast", "date", "interval",
}

// Complete returns the table, column and schema names, SQL keywords and dot
// commands that start with prefix (case-insensitive), sorted.
func (s *Session) Complete(prefix string) []string {
	if s.names == nil {
		s.names = s.loadNames()
	}
	lp := strings.ToLower(prefix)
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if strings.HasPrefix(strings.ToLower(w), lp) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	if strings.HasPrefix(prefix, ".") {
		for _, d := range []string{".tables", ".schema", ".mode", ".queries", ".run", ".help", ".quit", ".exit"} {
			add(d)
		}
		return out
	}
	for _, n := range s.names {
		add(n)
	}
	for _, k := range sqlKeywords {
		add(k)
	}
	sort.Strings(out)
	return out
}

func (s *Session) loadNames() []string {
	rows, err := s.q.QueryContext(s.ctx, completionNamesSQL)
	if err != nil {
		return []string{}
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	return names
}

// completeWord adapts Complete to liner: it completes the word before the
// cursor and keeps the rest of the line.
func (s *Session) completeWord(line string, pos int) (string, []string, string) {
	start := pos
	for start > 0 {
		c := line[start-1]
		if c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			start--
			continue
		}
		break
	}
	return line[:start], s.Complete(line[start:pos]), line[pos:]
}

// Shell runs the interactive SQL prompt on db. With interactive set (stdin
// and stdout are a terminal), it uses a line editor with history (kept in
// the user's config directory, sipstat/shell_history) and tab completion;
// the editor talks to the terminal directly, so in must be os.Stdin then.
// Otherwise it reads statements from in, one line at a time, as a script:
// results go to out, errors to errOut, and the run goes on after an error;
// Shell then returns an error saying how many statements failed.
func Shell(ctx context.Context, db *warehouse.DB, in io.Reader, out, errOut io.Writer, interactive bool) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("shell: %w", err)
	}
	defer conn.Close()
	s := NewSession(ctx, conn)
	if interactive {
		return s.interactive(db, out, errOut)
	}
	failed := 0
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		res, err := s.Exec(sc.Text())
		if errors.Is(err, ErrQuit) {
			break
		}
		if err != nil {
			failed++
			fmt.Fprintf(errOut, "line %d: %v\n", lineNo, err)
			continue
		}
		io.WriteString(out, res)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("shell: read input: %w", err)
	}
	if s.Pending() {
		res, err := s.query(s.pending.String())
		s.pending.Reset()
		if err != nil {
			failed++
			fmt.Fprintf(errOut, "line %d: %v\n", lineNo, err)
		} else {
			io.WriteString(out, res)
		}
	}
	if failed > 0 {
		return fmt.Errorf("shell: %d statement(s) failed", failed)
	}
	return nil
}

func (s *Session) interactive(db *warehouse.DB, out, errOut io.Writer) error {
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	ln.SetTabCompletionStyle(liner.TabPrints)
	ln.SetWordCompleter(s.completeWord)
	histPath := historyPath()
	if histPath != "" {
		if f, err := os.Open(histPath); err == nil {
			ln.ReadHistory(f)
			f.Close()
		}
	}
	mode := "read-write"
	if db.ReadOnly {
		mode = "read-only"
	}
	fmt.Fprintf(errOut, "sipstat shell on %s (%s). .help for help, .quit or Ctrl-D to leave.\n", db.Path, mode)
	for {
		prompt := "sipstat> "
		if s.Pending() {
			prompt = "     ..> "
		}
		line, err := ln.Prompt(prompt)
		if errors.Is(err, liner.ErrPromptAborted) {
			s.pending.Reset()
			continue
		}
		if err == io.EOF {
			fmt.Fprintln(errOut)
			break
		}
		if err != nil {
			return fmt.Errorf("shell: %w", err)
		}
		if strings.TrimSpace(line) != "" {
			ln.AppendHistory(line)
		}
		res, err := s.Exec(line)
		if errors.Is(err, ErrQuit) {
			break
		}
		if err != nil {
			fmt.Fprintf(errOut, "error: %v\n", err)
			continue
		}
		io.WriteString(out, res)
	}
	if histPath != "" {
		if err := os.MkdirAll(filepath.Dir(histPath), 0o700); err == nil {
			if f, err := os.Create(histPath); err == nil {
				ln.WriteHistory(f)
				f.Close()
			}
		}
	}
	return nil
}

func historyPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "sipstat", "shell_history")
}
