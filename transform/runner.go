// runner: how the embedded SQL is run (exec, templates, JSON-bound rows,
// tables and views, temp mode).

package transform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/warehouse"
)

// runner executes the embedded SQL on one connection. In temp mode every
// table it creates is a temp table (shadowing the persistent one of the same
// name for unqualified reads) and is remembered for dropping.
type runner struct {
	q       warehouse.Querier
	temp    bool
	created []string
	views   []string
	// scoped: the staging tables whose rows of a municipality scope are in
	// temp tables scope_stg_<table> (scopeStaging), which the core and dq
	// files read instead.
	scoped map[string]bool
	// builtScope: a municipality scope's core models and data-quality
	// flags are temp tables read from the built ones of this database
	// (scopeFromBuilt); "" otherwise.
	builtScope string
}

func mustSQL(name string) string {
	b, err := sqlFiles.ReadFile("sql/" + name)
	if err != nil {
		panic("transform: missing embedded sql/" + name)
	}
	return string(b)
}

// exec runs an embedded file (or a prefix + the file's query on its first
// line, so DuckDB's LINE numbers stay those of the file).
func (r *runner) exec(ctx context.Context, file, prefix string, args ...any) error {
	return r.execWrapped(ctx, file, prefix, "", args...)
}

// execWrapped runs prefix + the file + suffix.
func (r *runner) execWrapped(ctx context.Context, file, prefix, suffix string, args ...any) error {
	stmt, err := sqlText(file)
	if err != nil {
		return err
	}
	return r.execText(ctx, file, prefix, stmt, suffix, args...)
}

// execText runs prefix + stmt (the SQL of file, as rendered) + suffix.
func (r *runner) execText(ctx context.Context, file, prefix, stmt, suffix string, args ...any) error {
	if r.temp {
		stmt = strings.ReplaceAll(stmt, "create or replace table ", "create or replace temp table ")
	}
	stmt = r.scopeSQL(file, stmt)
	if traceExec {
		t0, c0 := time.Now(), cpu.Time()
		defer func() {
			fmt.Fprintf(os.Stderr, "%8.1fms wall %8.1fms cpu %s\n", float64(time.Since(t0).Microseconds())/1000,
				float64((cpu.Time()-c0).Microseconds())/1000, file)
		}()
	}
	if profileSQL != "" && strings.Contains(file, profileSQL) {
		r.profile(ctx, file, prefix+stmt+suffix, args...)
	}
	if _, err := r.q.ExecContext(ctx, prefix+stmt+suffix, args...); err != nil {
		return fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return nil
}

// stringSet runs the embedded query file, whose one column is a string, with
// args and returns its values as a set.
func stringSet(ctx context.Context, q warehouse.Querier, file string, args ...any) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, mustSQL(file), args...)
	if err != nil {
		return nil, fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	out := map[string]bool{}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, fmt.Errorf("transform: sql/%s: %w", file, err)
		}
		out[s] = true
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return out, nil
}

// execSQL runs a statement rendered from an embedded template; what names
// it in an error.
func (r *runner) execSQL(ctx context.Context, what, stmt string) error {
	if _, err := r.q.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("transform: sql/%s: %w", what, err)
	}
	return nil
}

// execJSON runs a file whose one parameter is a JSON array of rows: many
// reference rows in one statement, still bound, never formatted into SQL.
func (r *runner) execJSON(ctx context.Context, file string, rows any) error {
	b, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("transform: sql/%s: %w", file, err)
	}
	return r.exec(ctx, file, "", string(b))
}

// createAs creates table name from the query in file.
func (r *runner) createAs(ctx context.Context, name, file string) error {
	stmt, err := sqlText(file)
	if err != nil {
		return err
	}
	return r.createAsText(ctx, name, file, stmt)
}

// createAsText creates table name from stmt, the query of file as rendered.
func (r *runner) createAsText(ctx context.Context, name, file, stmt string) error {
	kind := "table"
	if r.temp {
		kind = "temp table"
		r.created = append(r.created, name)
	}
	return r.execText(ctx, file, "create or replace "+kind+" "+warehouse.QuoteIdent(name)+" as ", stmt, "")
}

// createView creates view name from the query in file (a temp view in temp
// mode). A table of that name left by an older build is dropped first.
func (r *runner) createView(ctx context.Context, name, file string) error {
	if r.temp {
		r.views = append(r.views, name)
		return r.exec(ctx, file, "create or replace temp view "+warehouse.QuoteIdent(name)+" as ")
	}
	var tables int
	if err := r.q.QueryRowContext(ctx, `select count(*) from duckdb_tables() where database_name = current_database() and schema_name = 'main' and table_name = ?`, name).Scan(&tables); err != nil {
		return fmt.Errorf("transform: core/%s: %w", name, err)
	}
	if tables > 0 {
		if _, err := r.q.ExecContext(ctx, "drop table main."+warehouse.QuoteIdent(name)); err != nil {
			return fmt.Errorf("transform: core/%s: drop the old table: %w", name, err)
		}
	}
	return r.exec(ctx, file, "create or replace view main."+warehouse.QuoteIdent(name)+" as ")
}
