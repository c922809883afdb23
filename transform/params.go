// The parameters of a computation (Params) and the as-of date; the
// parameter tables themselves are written by sql/params.

package transform

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sipstat/sipstat/warehouse"
)

// Params select what Compute computes.
type Params struct {
	// AsOf is the as-of date; nil means the latest extracted_at of the sources.
	AsOf *time.Time
	// Sources limits the computation to these sources; empty means all.
	Sources []string
	// Periods are the periods to compute; empty means every quarter from
	// the first in the data to the one containing the as-of date.
	Periods []Period
	// Settings are the targets and rules; the zero value means DefaultSettings().
	Settings
	// Municipality, an SCB kommunkod, computes every model and breakdown
	// for that municipality only (a municipality scope: see ScopeValues);
	// "" for all. Compute only, never Build.
	Municipality string
	// fromStaging makes a municipality scope compute its core models from
	// its staging rows even when the built ones fit (the tests compare
	// the two).
	fromStaging bool
}

// AsOf returns the as-of date of the database: the latest extracted_at of
// all sources, else the latest date in the data.
func AsOf(ctx context.Context, q warehouse.Querier) (time.Time, error) {
	return asOf(ctx, q, nil)
}

func asOf(ctx context.Context, q warehouse.Querier, sources []string) (time.Time, error) {
	var t sql.NullTime
	joined := strings.Join(sources, "\x1f")
	if err := q.QueryRowContext(ctx, mustSQL("params/as_of.sql"), joined, joined).Scan(&t); err != nil {
		return time.Time{}, fmt.Errorf("transform: sql/params/as_of.sql: %w", err)
	}
	if !t.Valid {
		return time.Time{}, errors.New("transform: no as-of date: no source has extracted_at and there are no dated rows")
	}
	return t.Time.UTC(), nil
}

func (r *runner) dropParams(ctx context.Context) error {
	return r.exec(ctx, "params/drop.sql", "")
}
