package model

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// hasTable reports whether the database has the table (transform builds
// kpi_funnel and kpi_spc; an older database lacks them).
func hasTable(ctx context.Context, q warehouse.Querier, name string) (bool, error) {
	var ok bool
	if err := q.QueryRowContext(ctx, query("has_table.sql"), name).Scan(&ok); err != nil {
		return false, fmt.Errorf("reports/model/sql/has_table.sql: %w", err)
	}
	return ok, nil
}

// readFunnels reads the funnel plots of the period for the report's
// headline shares, of the report's region (every region's municipalities
// in a national report).
func readFunnels(ctx context.Context, q warehouse.Querier, r *Report) ([]FunnelPlot, error) {
	if ok, err := hasTable(ctx, q, "kpi_funnel"); err != nil || !ok {
		return nil, err
	}
	region := r.Meta.RegionCode
	if region == "00" {
		region = ""
	}
	var out []FunnelPlot
	err := scanAll(ctx, q, "funnel.sql", func(rows *sql.Rows) error {
		var id string
		var p FunnelPoint
		var centre float64
		var lo95, hi95, lo998, hi998 sql.NullFloat64
		if err := rows.Scan(&id, &p.Code, &p.Label, &p.Value, &p.Numerator, &p.Denominator, &centre,
			&lo95, &hi95, &lo998, &hi998, &p.Signal); err != nil {
			return err
		}
		p.Lower95, p.Upper95, p.Lower998, p.Upper998 = lo95.Float64, hi95.Float64, lo998.Float64, hi998.Float64
		k := r.KPI(id)
		if k == nil || !k.Steering {
			return nil
		}
		if n := len(out); n == 0 || out[n-1].KPIID != id {
			out = append(out, FunnelPlot{KPIID: id, Period: r.Meta.Period.Label, Centre: centre})
		}
		out[len(out)-1].Points = append(out[len(out)-1].Points, p)
		return nil
	}, r.Meta.Period.Label, region)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readSPC reads the monthly p-charts (the total series).
func readSPC(ctx context.Context, q warehouse.Querier) ([]SPCChart, error) {
	if ok, err := hasTable(ctx, q, "kpi_spc"); err != nil || !ok {
		return nil, err
	}
	var out []SPCChart
	err := scanAll(ctx, q, "spc.sql", func(rows *sql.Rows) error {
		var id string
		var month time.Time
		var v, num, den, centre, lcl, ucl sql.NullFloat64
		var p SPCPoint
		if err := rows.Scan(&id, &month, &v, &num, &den, &centre, &lcl, &ucl, &p.OutsideLimits, &p.RunSignal, &p.Preliminary); err != nil {
			return err
		}
		p.Month = month
		if v.Valid {
			x := v.Float64
			p.Value = finite(&x)
		}
		p.Numerator, p.Denominator, p.Centre, p.LCL, p.UCL = num.Float64, den.Float64, centre.Float64, lcl.Float64, ucl.Float64
		if n := len(out); n == 0 || out[n-1].KPIID != id {
			out = append(out, SPCChart{KPIID: id})
		}
		out[len(out)-1].Points = append(out[len(out)-1].Points, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scope computes a municipality's own values (transform's municipality
// scope, as temp tables on one connection) for the trend's periods, and
// its own monthly p-charts.
func scope(ctx context.Context, log *slog.Logger, q warehouse.Querier, municipality string, p transform.Params, periods []string) ([]transform.Value, []SPCChart, error) {
	var conn *sql.Conn
	switch c := q.(type) {
	case *sql.Conn:
		conn = c
	case interface {
		Conn(context.Context) (*sql.Conn, error)
	}:
		var err error
		if conn, err = c.Conn(ctx); err != nil {
			return nil, nil, err
		}
		defer conn.Close()
	default:
		vs, err := transform.ScopeValues(ctx, q, municipality, p)
		return vs, nil, err
	}
	st := StartStep(log, "scope tables")
	release, err := transform.ScopeTables(ctx, conn, municipality, p)
	st.Done()
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		st := StartStep(log, "drop the scope tables")
		release()
		st.Done()
	}()
	st = StartStep(log, "scope values and SPC")
	defer st.Done()
	vs, err := transform.Values(ctx, conn, transform.Filter{Periods: periods})
	if err != nil {
		return nil, nil, err
	}
	spc, err := readSPC(ctx, conn)
	return vs, spc, err
}

// suppressSPC hides a month's share whose denominator is below the
// small-number threshold (a gap in the chart), as the rule hides any share.
func suppressSPC(charts []SPCChart, threshold int) {
	for i := range charts {
		for j := range charts[i].Points {
			p := &charts[i].Points[j]
			if p.Denominator > 0 && p.Denominator < float64(threshold) {
				p.Value, p.Suppressed = nil, true
			}
		}
	}
}

// readLabels reads the catalogue's labels (kpi_labels), if the database has them.
func readLabels(ctx context.Context, q warehouse.Querier) (Labels, error) {
	out := Labels{}
	if ok, err := hasTable(ctx, q, "kpi_labels"); err != nil || !ok {
		return out, err
	}
	err := scanAll(ctx, q, "labels.sql", func(rows *sql.Rows) error {
		var kind, code string
		var sv, en sql.NullString
		if err := rows.Scan(&kind, &code, &sv, &en); err != nil {
			return err
		}
		out[[2]string{kind, code}] = [2]string{sv.String, en.String}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
