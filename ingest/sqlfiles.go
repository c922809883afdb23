package ingest

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"text/template"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/*.sql sql/rules/*.sql sql/probe_rules/*.sql
var sqlFS embed.FS

// templates holds every .sql file; most are plain SQL, a few are templated
// per contract table (their column lists). Identifiers only ever enter SQL
// through ident (warehouse.QuoteIdent); contract constants through lit.
var templates = template.Must(parseSQL())

func parseSQL() (*template.Template, error) {
	root := template.New("sql").Funcs(template.FuncMap{
		"ident": warehouse.QuoteIdent,
		"lit":   quoteLiteral,
		"in":    func(name string) string { return name + "__in" },
		"flag":  func(name, check string) string { return name + "__" + check },
		"typed": typedExpr,
		"join":  strings.Join,
	})
	err := fs.WalkDir(sqlFS, "sql", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := sqlFS.ReadFile(path)
		if err != nil {
			return err
		}
		_, err = root.New(strings.TrimPrefix(path, "sql/")).Parse(string(b))
		return err
	})
	return root, err
}

// quoteLiteral quotes a constant of the contract (a column or table name, a
// message pattern) as an SQL string literal. Data values are never quoted
// into SQL; they are bound as parameters.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// typedExpr is the SQL that types one trimmed cell of a contract column.
func typedExpr(c checkColumn) string {
	in := "src." + warehouse.QuoteIdent(c.Name+"__in")
	switch c.Type {
	case contract.TypeDate:
		return "sip_date(" + in + ")"
	case contract.TypeInt:
		return "sip_int(" + in + ")"
	case contract.TypeBool:
		return "sip_bool(" + in + ")"
	case contract.TypeCode:
		// A lookup in a constant map of every accepted spelling is far
		// cheaper than a CASE over them (~7x on participants) or a join per
		// code column; a value matching no spelling stays null.
		var b strings.Builder
		b.WriteString("map_extract_value(map {")
		for i, p := range codeSpellings(c.Codes) {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteLiteral(p.input) + ": " + quoteLiteral(p.code))
		}
		b.WriteString("}, lower(" + in + "))")
		return b.String()
	}
	return in
}

// render executes one SQL file with its template data.
func render(name string, data any) (string, error) {
	var b strings.Builder
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("sql/%s: %w", name, err)
	}
	return b.String(), nil
}

var paramRef = regexp.MustCompile(`\$([a-z_]+)`)

// traceSQL, set by SIPSTAT_TRACE_INGEST_SQL=1, prints every SQL file as
// rendered to stderr.
var traceSQL = os.Getenv("SIPSTAT_TRACE_INGEST_SQL") != ""

// execSQL renders a SQL file and runs its statements in order on q. Each
// statement gets the named parameters it mentions; errors name the file.
func execSQL(ctx context.Context, q warehouse.Querier, name string, data any, params map[string]any) (int64, error) {
	text, err := render(name, data)
	if err != nil {
		return 0, err
	}
	if traceSQL {
		fmt.Fprintf(os.Stderr, "-- %s\n%s\n", name, text)
	}
	var affected int64
	for _, stmt := range splitStatements(text) {
		res, err := q.ExecContext(ctx, stmt, bind(stmt, params)...)
		if err != nil {
			return 0, fmt.Errorf("sql/%s: %w", name, err)
		}
		if n, err := res.RowsAffected(); err == nil {
			affected += n
		}
	}
	return affected, nil
}

// querySQL renders a one-statement SQL file and runs it as a query.
func querySQL(ctx context.Context, q warehouse.Querier, name string, data any, params map[string]any) (*sql.Rows, error) {
	text, err := render(name, data)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, text, bind(text, params)...)
	if err != nil {
		return nil, fmt.Errorf("sql/%s: %w", name, err)
	}
	return rows, nil
}

// queryRowSQL renders a one-statement SQL file that returns one row and
// scans it into dest.
func queryRowSQL(ctx context.Context, q warehouse.Querier, name string, data any, dest ...any) error {
	text, err := render(name, data)
	if err != nil {
		return err
	}
	if err := q.QueryRowContext(ctx, text).Scan(dest...); err != nil {
		return fmt.Errorf("sql/%s: %w", name, err)
	}
	return nil
}

func bind(stmt string, params map[string]any) []any {
	var args []any
	seen := map[string]bool{}
	for _, m := range paramRef.FindAllStringSubmatch(stmt, -1) {
		if v, ok := params[m[1]]; ok && !seen[m[1]] {
			seen[m[1]] = true
			args = append(args, sql.Named(m[1], v))
		}
	}
	return args
}

// splitStatements splits a script at semicolons that end a line; the .sql
// files never put one at a line end inside a string literal.
func splitStatements(text string) []string {
	var out []string
	for _, part := range strings.Split(text, ";\n") {
		if s := strings.TrimSpace(stripComments(part)); s != "" {
			out = append(out, part)
		}
	}
	return out
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "--") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}
