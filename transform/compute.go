// Compute: the pipeline into temp tables of one pinned connection, read and
// dropped, for a scope or settings the built database does not hold.

package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/sipstat/sipstat/warehouse"
)

// conner is what *sql.DB (and *warehouse.DB) has: a way to pin one
// connection, which the temp parameter tables need.
type conner interface {
	Conn(ctx context.Context) (*sql.Conn, error)
}

// pin returns a Querier bound to one connection and a function to release it.
func pin(ctx context.Context, q warehouse.Querier) (warehouse.Querier, func(), error) {
	if c, ok := q.(conner); ok {
		conn, err := c.Conn(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("transform: pin a connection: %w", err)
		}
		return conn, func() { conn.Close() }, nil
	}
	return q, func() {}, nil
}

// Compute computes every KPI for p without writing any persistent table: the
// models are built as temp tables of one connection (which DuckDB allows on
// a read-only database), read, and dropped. The database must have been
// built (staging views and reference tables exist).
func Compute(ctx context.Context, q warehouse.Querier, p Params) ([]Value, error) {
	q, release, err := pin(ctx, q)
	if err != nil {
		return nil, err
	}
	defer release()
	r, err := computeTemp(ctx, q, p)
	if err != nil {
		return nil, err
	}
	defer r.dropTemp(context.WithoutCancel(ctx))
	return Values(ctx, q, Filter{})
}

// computeTemp runs the pipeline for p into temp tables of q (one pinned
// connection) and leaves them there; the caller drops them with
// r.dropTemp. On an error they are dropped already.
func computeTemp(ctx context.Context, q warehouse.Querier, p Params) (r *runner, err error) {
	if p.Settings.MeetingTargetDays == 0 {
		p.Settings = DefaultSettings()
	}
	if err := p.Settings.Validate(); err != nil {
		return nil, fmt.Errorf("transform: settings: %w", err)
	}
	var built int
	if err := q.QueryRowContext(ctx, `select count(*) from information_schema.tables where table_schema = 'staging' and table_name = 'stg_sips'`).Scan(&built); err != nil {
		return nil, fmt.Errorf("transform: compute: %w", err)
	}
	if built == 0 {
		return nil, errors.New("transform: compute: the database has no staging views; load an extract (or run Build) first")
	}
	run := &runner{q: q, temp: true}
	defer func() {
		// run, not r: a failed return has set r to nil.
		if err != nil {
			run.dropTemp(context.WithoutCancel(ctx))
		}
	}()
	r = run
	restore, err := unorderedInserts(ctx, q)
	if err != nil {
		return nil, err
	}
	defer restore()
	if p.AsOf == nil {
		a, err := asOf(ctx, q, p.Sources)
		if err != nil {
			return nil, err
		}
		p.AsOf = &a
	}
	if err := r.pipeline(ctx, p); err != nil {
		return nil, err
	}
	return r, nil
}

// dropTemp drops every temp table of a Compute, so the pooled connection
// shadows nothing afterwards.
func (r *runner) dropTemp(ctx context.Context) {
	for i := len(r.views) - 1; i >= 0; i-- {
		r.q.ExecContext(ctx, "drop view if exists temp."+warehouse.QuoteIdent(r.views[i]))
	}
	for i := len(r.created) - 1; i >= 0; i-- {
		r.q.ExecContext(ctx, "drop table if exists temp."+warehouse.QuoteIdent(r.created[i]))
	}
	r.dropParams(ctx)
}
