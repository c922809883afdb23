package transform

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

// The model's documentation lives beside the models, in sql/docs:
// docs/model.sql, the COMMENT ON statements of every table, view and column
// of main by layer, Swedish term first, and docs/kpi_family.sql, the column
// comments of a family view, rendered for every family like
// views/kpi_family.sql. Build applies them
// last, inside its transaction, so every database it builds is documented
// (a recreated table loses its comments); `sipstat schema` and
// docs/schema.md print them.

// docStatement is one COMMENT ON statement of sql/docs.
type docStatement struct {
	file   string // e.g. docs/model.sql, docs/kpi_family.sql (coverage)
	line   int    // 1-based line of the statement's first non-blank character
	text   string
	target string // "table" or "table.column"
}

// docStatements returns every COMMENT ON of sql/docs, the family file
// rendered once per family.
func docStatements() ([]docStatement, error) {
	files, err := fs.Glob(sqlFiles, "sql/docs/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []docStatement
	add := func(file, text string) error {
		for _, st := range splitStatements(text) {
			target, err := commentTarget(st.text)
			if err != nil {
				return fmt.Errorf("transform: sql/%s:%d: %w", file, st.line, err)
			}
			out = append(out, docStatement{file: file, line: st.line, text: st.text, target: target})
		}
		return nil
	}
	for _, f := range files {
		name := strings.TrimPrefix(f, "sql/")
		if name == "docs/kpi_family.sql" {
			for _, fam := range families {
				text, err := renderSQL(name, map[string]any{"Family": fam})
				if err != nil {
					return nil, err
				}
				if err := add(name+" ("+fam+")", text); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := add(name, mustSQL(name)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// document runs the COMMENT ON statements of sql/docs whose table or column
// exists. One that names nothing is skipped rather than run: in DuckDB a
// failed statement aborts the whole transaction, and a stale doc comment
// must not fail a load (the tests keep docs and model in step both ways:
// StaleDocs and every column commented).
func (r *runner) document(ctx context.Context) error {
	exists, err := docTargets(ctx, r.q)
	if err != nil {
		return err
	}
	sts, err := docStatements()
	if err != nil {
		return err
	}
	for _, st := range sts {
		for _, text := range st.expand(exists, sts) {
			if _, err := r.q.ExecContext(ctx, text); err != nil {
				return fmt.Errorf("transform: sql/%s:%d: %w", st.file, st.line, err)
			}
		}
	}
	return nil
}

// anyTable is the table name of a comment on a column that means the same
// wherever it occurs: `comment on column _.source is '…'`.
const anyTable = "_"

// expand returns the statements st stands for in a database whose targets
// are exists: st itself when its target exists; for a column of anyTable,
// one statement per existing table or view with that column that no other
// statement of sts documents (in target order); none for a target that does
// not exist.
func (st docStatement) expand(exists map[string]bool, sts []docStatement) []string {
	col, ok := strings.CutPrefix(st.target, anyTable+".")
	if !ok {
		if exists[st.target] {
			return []string{st.text}
		}
		return nil
	}
	own := map[string]bool{}
	for _, o := range sts {
		own[o.target] = true
	}
	literal := st.text[len(commentRe.FindString(st.text))-1:]
	var out []string
	for _, target := range slices.Sorted(maps.Keys(exists)) {
		table, c, ok := strings.Cut(target, ".")
		if ok && c == col && !own[target] {
			out = append(out, "comment on column "+warehouse.QuoteIdent(table)+"."+warehouse.QuoteIdent(col)+" is "+literal)
		}
	}
	return out
}

// StaleDocs lists the targets of sql/docs ("table" or "table.column") that
// do not exist in the database.
func StaleDocs(ctx context.Context, q warehouse.Querier) ([]string, error) {
	exists, err := docTargets(ctx, q)
	if err != nil {
		return nil, err
	}
	sts, err := docStatements()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, st := range sts {
		if len(st.expand(exists, sts)) == 0 {
			out = append(out, st.target)
		}
	}
	return out, nil
}

func docTargets(ctx context.Context, q warehouse.Querier) (map[string]bool, error) {
	return stringSet(ctx, q, "read/doc_targets.sql")
}

var commentRe = regexp.MustCompile(`(?is)^comment\s+on\s+(table|view|column)\s+([a-z_][a-z0-9_]*)(?:\.([a-z_][a-z0-9_]*))?\s+is\s+'`)

// commentTarget returns "table" or "table.column" of a COMMENT ON statement.
func commentTarget(st string) (string, error) {
	m := commentRe.FindStringSubmatch(st)
	if m == nil {
		return "", fmt.Errorf("want comment on table|view|column name[.column] is '…', got %.60q", st)
	}
	if strings.EqualFold(m[1], "column") {
		if m[3] == "" {
			return "", fmt.Errorf("comment on column needs table.column")
		}
		return m[2] + "." + m[3], nil
	}
	return m[2], nil
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
