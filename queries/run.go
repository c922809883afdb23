package queries

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/check_select.sql
var checkSelectSQL string

//go:embed sql/analysis_window.sql
var analysisWindowSQL string

// Options say how a query's result is written.
type Options struct {
	Format Format // table (default), csv, json, xlsx, parquet
	// Suppress applies the small-number rule for published output
	// (--suppress); the result is then held in memory, because the
	// complement step needs all rows of a breakdown.
	Suppress bool
	// Threshold is the smallest count shown; 0 means suppress.DefaultThreshold.
	Threshold int
	// Warn receives notes for the analyst, such as a share column that is
	// suppressed entirely; nil discards them. It is never the data stream.
	Warn io.Writer
}

// Stats describe a finished run.
type Stats struct {
	Rows int64
}

// ErrNotSelect is returned by RunSQL for anything but a single SELECT.
var ErrNotSelect = errors.New("only a single SELECT statement may run here")

// Run runs a named query with the given parameter values (name → text, as
// from --param; missing ones take their defaults) and writes the result to w.
func Run(ctx context.Context, q warehouse.Querier, query *Query, values map[string]string, w io.Writer, opt Options) (Stats, error) {
	args, err := query.Args(values)
	if err != nil {
		return Stats{}, err
	}
	q, release, err := session(ctx, q, query.SQL)
	if err != nil {
		return Stats{}, err
	}
	defer release()
	st, err := run(ctx, q, query.SQL, args, query, w, opt)
	if err != nil {
		return st, sqlError(query.File, err)
	}
	return st, nil
}

// RunSQL runs one ad hoc SELECT (--sql) and writes the result to w. Anything
// else (DDL, DML, COPY, PRAGMA, several statements) is refused before it
// runs, so --sql can never change the database or write files even on a
// database opened read-write.
func RunSQL(ctx context.Context, q warehouse.Querier, statement string, w io.Writer, opt Options) (Stats, error) {
	if err := CheckSelect(ctx, q, statement); err != nil {
		return Stats{}, err
	}
	q, release, err := session(ctx, q, statement)
	if err != nil {
		return Stats{}, err
	}
	defer release()
	st, err := run(ctx, q, statement, nil, nil, w, opt)
	if err != nil {
		return st, sqlError("--sql", err)
	}
	return st, nil
}

// CheckSelect returns an error wrapping ErrNotSelect unless statement is
// exactly one SELECT (WITH … SELECT, FROM …, VALUES … count as SELECT). It
// parses the text with DuckDB's own parser and runs nothing of it.
func CheckSelect(ctx context.Context, q warehouse.Querier, statement string) error {
	var isErr bool
	var msg string
	var n int
	if err := q.QueryRowContext(ctx, checkSelectSQL, sql.Named("statement", statement)).Scan(&isErr, &msg, &n); err != nil {
		return fmt.Errorf("check statement: %w", err)
	}
	switch {
	case isErr && msg == "Only SELECT statements can be serialized to json!":
		return fmt.Errorf("--sql: %w (the text holds a statement of another kind)", ErrNotSelect)
	case isErr:
		return fmt.Errorf("--sql: %s", msg)
	case n != 1:
		return fmt.Errorf("--sql: %w (got %d statements)", ErrNotSelect, n)
	}
	return nil
}

// session returns one connection of q with what the queries share created
// on it when text uses it (the temp macro analysis_window,
// sql/analysis_window.sql, which needs the model's load_sources): a pool's
// next connection, released by the returned func, or q itself when it is one
// connection already (a *sql.Conn, or a *sql.Tx inside a load).
func session(ctx context.Context, q warehouse.Querier, text string) (warehouse.Querier, func(), error) {
	release := func() {}
	if !strings.Contains(text, "analysis_window") {
		return q, release, nil
	}
	if pool, ok := q.(interface {
		Conn(context.Context) (*sql.Conn, error)
	}); ok {
		conn, err := pool.Conn(ctx)
		if err != nil {
			return nil, nil, err
		}
		q, release = conn, func() { conn.Close() }
	}
	if _, err := q.ExecContext(ctx, analysisWindowSQL); err != nil {
		release()
		return nil, nil, fmt.Errorf("queries/sql/analysis_window.sql: %w", err)
	}
	return q, release, nil
}

func run(ctx context.Context, q warehouse.Querier, text string, args []any, query *Query, w io.Writer, opt Options) (Stats, error) {
	rows, err := q.QueryContext(ctx, text, args...)
	if err != nil {
		return Stats{}, err
	}
	defer rows.Close()
	var src rowSource
	src, err = newSQLRows(rows)
	if err != nil {
		return Stats{}, err
	}
	if opt.Suppress {
		warn := opt.Warn
		if warn == nil {
			warn = io.Discard
		}
		if src, err = suppressSource(src, query, opt.Threshold, warn); err != nil {
			return Stats{}, err
		}
	}
	n, err := write(w, opt.Format, src)
	if err != nil {
		return Stats{Rows: n}, err
	}
	return Stats{Rows: n}, rows.Close()
}

var duckLineRe = regexp.MustCompile(`(?m)^(LINE (\d+): )(.*)\n( *)\^`)

// sqlError names the file and, when DuckDB's message points at a place
// ("LINE 4: …" with a caret under it), the line and column: DuckDB counts
// from the start of the text, which is the file's start.
func sqlError(file string, err error) error {
	if strings.HasPrefix(err.Error(), file+":") {
		return err
	}
	if m := duckLineRe.FindStringSubmatch(err.Error()); m != nil {
		line, lerr := strconv.Atoi(m[2])
		col := len(m[4]) - len(m[1]) + 1
		// DuckDB shortens a long line to a window starting with "...";
		// then the caret's place is not the column.
		if lerr == nil && col >= 1 && !strings.HasPrefix(m[3], "...") {
			return fmt.Errorf("%s:%d:%d: %w", file, line, col, err)
		}
		if lerr == nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
	return fmt.Errorf("%s: %w", file, err)
}

// WriteList writes the named queries (name, description, parameters, grain)
// in format f, for `sipstat query --list`.
func WriteList(w io.Writer, f Format) error {
	all, err := List()
	if err != nil {
		return err
	}
	cols := []Field{{Name: "name"}, {Name: "description"}, {Name: "parameters"}, {Name: "grain"}}
	rows := make([][]any, len(all))
	for i, q := range all {
		params := ""
		for j, p := range q.Params {
			if j > 0 {
				params += "; "
			}
			params += fmt.Sprintf("%s %s = %s", p.Name, p.Type, p.Default)
		}
		desc := q.Description
		if f == FormatTable || f == "" {
			// A terminal table stays readable with the first sentence; the
			// full text is in the other formats and the file's header.
			desc = firstSentence(desc)
		}
		rows[i] = []any{q.Name, desc, params, q.Grain}
	}
	_, err = WriteRows(w, f, cols, rows)
	return err
}
