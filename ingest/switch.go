// The snapshot switch: a load writes its source's new snapshot into tables
// of their usual names inside its transaction, with the live tables set
// aside, and commits them as __pending tables while the live ones keep their
// names; a second, short transaction drops the live tables, renames the
// pending ones and rebuilds the model (Options.BeforeCommit) on committed
// rows. See docs/loading.md (steps 4 and 5).

package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sipstat/sipstat/contract"
)

// snapshotTable is one table a load replaces: raw.<table> or a load_* table.
type snapshotTable struct {
	Schema, Name string
	// Live is the name of the previous snapshot's table while the load's
	// transaction is open (never committed); Pending the name of the new
	// snapshot's table between the load's commit and the switch.
	Live, Pending string
	// Existed: the table was there when the load began (not on a first load).
	Existed bool
	// Others: it holds rows of other sources, which the new snapshot keeps.
	Others bool
}

// bookkeepingTables are the load_* tables of schema.sql.
var bookkeepingTables = []string{"load_sources", "load_files", "load_rejects", "load_warnings"}

const (
	liveSuffix    = "__live"
	pendingSuffix = "__pending"
)

// snapshotTables lists the tables of a snapshot, raw first.
func snapshotTables() []snapshotTable {
	var out []snapshotTable
	add := func(schema, name string) {
		out = append(out, snapshotTable{Schema: schema, Name: name, Live: name + liveSuffix, Pending: name + pendingSuffix})
	}
	for _, t := range contract.Tables {
		add("raw", t.Name)
	}
	for _, name := range bookkeepingTables {
		add("main", name)
	}
	return out
}

// existingTables returns the schema-qualified names of the tables of
// schemas raw and main.
func (l *loader) existingTables(ctx context.Context) (map[string]bool, error) {
	return l.tableSet(ctx, "snapshot_tables.sql", nil, nil)
}

// tableSet runs a query of (schema, table) rows and returns the
// schema-qualified names.
func (l *loader) tableSet(ctx context.Context, file string, data any, params map[string]any) (map[string]bool, error) {
	rows, err := querySQL(ctx, l.conn, file, data, params)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for rows.Next() {
		var schema, name string
		if err := rows.Scan(&schema, &name); err != nil {
			rows.Close()
			return nil, err
		}
		out[schema+"."+name] = true
	}
	return out, errors.Join(rows.Err(), rows.Close())
}

// setAside, inside the load's transaction, drops the pending tables a killed
// load left, renames the live snapshot's tables to their __live names,
// creates fresh tables of the usual names (schema.sql, raw_table.sql) and
// copies the other sources' rows into them: the load then writes as if it
// wrote the live tables.
func (l *loader) setAside(ctx context.Context) error {
	have, err := l.existingTables(ctx)
	if err != nil {
		return err
	}
	l.tables = snapshotTables()
	for i := range l.tables {
		l.tables[i].Existed = have[l.tables[i].Schema+"."+l.tables[i].Name]
	}
	others, err := l.otherSources(ctx)
	if err != nil {
		return err
	}
	for i := range l.tables {
		l.tables[i].Others = others[l.tables[i].Schema+"."+l.tables[i].Name]
	}
	if _, err := execSQL(ctx, l.conn, "set_aside.sql", l.tables, nil); err != nil {
		return err
	}
	if err := l.ensureSchema(ctx); err != nil {
		return err
	}
	if err := l.keepComments(ctx); err != nil {
		return err
	}
	_, err = execSQL(ctx, l.conn, "keep_others.sql", l.tables, l.params())
	return err
}

// keepComments puts the comments of the set-aside tables and their columns
// on the fresh ones (transform.Build documents them again; a load with
// --no-transform would otherwise leave them bare).
func (l *loader) keepComments(ctx context.Context) error {
	rows, err := querySQL(ctx, l.conn, "live_comments.sql", nil, nil)
	if err != nil {
		return err
	}
	type comment struct{ Schema, Table, Column, Comment string }
	var cs []comment
	for rows.Next() {
		var c comment
		if err := rows.Scan(&c.Schema, &c.Table, &c.Column, &c.Comment); err != nil {
			rows.Close()
			return err
		}
		cs = append(cs, c)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	// One statement each, never split: a comment's text may hold ";\n".
	for _, c := range cs {
		text, err := render("comments.sql", []comment{c})
		if err != nil {
			return err
		}
		if _, err := l.conn.ExecContext(ctx, text); err != nil {
			return fmt.Errorf("sql/comments.sql: %w", err)
		}
	}
	return nil
}

// otherSources returns the schema-qualified names of the live tables that
// hold rows of other sources than the load's.
func (l *loader) otherSources(ctx context.Context) (map[string]bool, error) {
	return l.tableSet(ctx, "other_sources.sql", l.tables, l.params())
}

// makePending, the last statement of the load's transaction, renames the
// new snapshot's tables to __pending and gives the live ones their names
// back, so the commit leaves every table readers read as it was.
func (l *loader) makePending(ctx context.Context) error {
	t0 := time.Now()
	if _, err := execSQL(ctx, l.conn, "make_pending.sql", l.tables, nil); err != nil {
		return err
	}
	l.step("pending", t0)
	return nil
}

// switchIn runs the second transaction: the pending tables replace the
// live ones, Options.BeforeCommit rebuilds the model on the same
// connection, and one commit makes both visible at once. On any error it
// rolls back and the caller drops the pending tables.
func (l *loader) switchIn(ctx context.Context, sum *Summary) error {
	t0 := time.Now()
	if _, err := execSQL(ctx, l.conn, "begin.sql", nil, nil); err != nil {
		return err
	}
	l.inTx = true
	hook("switch begun")
	if _, err := execSQL(ctx, l.conn, "switch.sql", l.tables, nil); err != nil {
		return err
	}
	l.step("switch", t0)
	if err := l.check(ctx, sum); err != nil {
		return err
	}
	if err := l.beforeCommit(ctx); err != nil {
		return err
	}
	// A load cancelled after its last step is still cancelled.
	if err := ctx.Err(); err != nil {
		return err
	}
	t0 = time.Now()
	if _, err := execSQL(ctx, l.conn, "commit.sql", nil, nil); err != nil {
		return err
	}
	l.inTx = false
	l.pending = false
	l.step("switch commit", t0)
	return nil
}

// dropPending drops the pending tables of a load that failed after
// committing them (a separate transaction; the load's are over).
func (l *loader) dropPending(ctx context.Context) error {
	if _, err := execSQL(ctx, l.conn, "drop_pending.sql", l.tables, nil); err != nil {
		return fmt.Errorf("dropping the pending tables of the failed load: %w", err)
	}
	l.pending = false
	return nil
}
