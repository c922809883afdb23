package queries

import (
	"context"
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/comments.sql
var commentsSQL string

// ApplyComments documents the model in the database itself: COMMENT ON every
// table, view and column of schema main (sql/comments.sql), with the Swedish
// term in each comment. The CLI calls it right after transform.Build, inside
// the load's transaction, since Build recreates the tables and a recreated
// table loses its comments.
//
// A statement whose table or column does not exist (the model moved on) is
// skipped rather than run: in DuckDB a failed statement aborts the whole
// transaction, and a stale doc comment must not fail a load. The tests keep
// the file and the model in step both ways (Undocumented and StaleComments).
func ApplyComments(ctx context.Context, q warehouse.Querier) error {
	exists, err := existingTargets(ctx, q)
	if err != nil {
		return err
	}
	for _, st := range splitStatements(commentsSQL) {
		target, err := commentTarget(st)
		if err != nil {
			return err
		}
		if !exists[target] {
			continue
		}
		if _, err := q.ExecContext(ctx, st.text); err != nil {
			return fmt.Errorf("queries/sql/comments.sql:%d: %w", st.line, err)
		}
	}
	return nil
}

// StaleComments lists the targets of comments.sql ("table" or
// "table.column") that do not exist in the database.
func StaleComments(ctx context.Context, q warehouse.Querier) ([]string, error) {
	exists, err := existingTargets(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, st := range splitStatements(commentsSQL) {
		target, err := commentTarget(st)
		if err != nil {
			return nil, err
		}
		if !exists[target] {
			out = append(out, target)
		}
	}
	return out, nil
}

var commentRe = regexp.MustCompile(`(?is)^comment\s+on\s+(table|view|column)\s+([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\s+is\s+'`)

// commentTarget returns "table" or "table.column" of a COMMENT ON statement.
func commentTarget(st statement) (string, error) {
	m := commentRe.FindStringSubmatch(st.text)
	if m == nil {
		return "", fmt.Errorf("queries/sql/comments.sql:%d: want comment on table|view|column name[.column] is '…', got %.60q", st.line, st.text)
	}
	if strings.EqualFold(m[1], "column") {
		if m[3] == "" {
			return "", fmt.Errorf("queries/sql/comments.sql:%d: comment on column needs table.column", st.line)
		}
		return m[2] + "." + m[3], nil
	}
	return m[2], nil
}

func existingTargets(ctx context.Context, q warehouse.Querier) (map[string]bool, error) {
	objs, err := Describe(ctx, q, "main")
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, o := range objs {
		out[o.Name] = true
		for _, c := range o.Columns {
			out[o.Name+"."+c.Name] = true
		}
	}
	return out, nil
}

// Undocumented lists the tables, views and columns of the schemas (default
// main) that have no comment, as "table" or "table.column".
func Undocumented(ctx context.Context, q warehouse.Querier, schemas ...string) ([]string, error) {
	objs, err := Describe(ctx, q, schemas...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, o := range objs {
		if strings.TrimSpace(o.Comment) == "" {
			out = append(out, qualified(o))
		}
		for _, c := range o.Columns {
			if strings.TrimSpace(c.Comment) == "" {
				out = append(out, qualified(o)+"."+c.Name)
			}
		}
	}
	return out, nil
}

type statement struct {
	text string
	line int // 1-based line of the statement's first non-blank character
}

// splitStatements splits SQL text at semicolons outside string literals,
// identifiers and comments, keeping each statement's starting line for
// error messages.
func splitStatements(src string) []statement {
	var out []statement
	var cur strings.Builder
	line, start := 1, 0
	inStr, inIdent, inComment := false, false, false
	flush := func() {
		if s := stripLeadingComments(cur.String()); s != "" {
			out = append(out, statement{text: s, line: start})
		}
		cur.Reset()
		start = 0
	}
	for i := 0; i < len(src); i++ {
		ch := src[i]
		if start == 0 && !inComment && ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r' &&
			!(ch == '-' && i+1 < len(src) && src[i+1] == '-') {
			start = line
		}
		switch {
		case inComment:
			if ch == '\n' {
				inComment = false
			}
		case inStr:
			if ch == '\'' {
				inStr = false
			}
		case inIdent:
			if ch == '"' {
				inIdent = false
			}
		case ch == '-' && i+1 < len(src) && src[i+1] == '-':
			inComment = true
		case ch == '\'':
			inStr = true
		case ch == '"':
			inIdent = true
		case ch == ';':
			flush()
			continue
		}
		if ch == '\n' {
			line++
		}
		cur.WriteByte(ch)
	}
	flush()
	return out
}

// stripLeadingComments drops the blank and comment lines before a statement.
func stripLeadingComments(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 {
		l := strings.TrimSpace(lines[0])
		if l != "" && !strings.HasPrefix(l, "--") {
			break
		}
		lines = lines[1:]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
