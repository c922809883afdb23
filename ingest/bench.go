package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/warehouse"
)

// Measurement compares Load with DuckDB's own typed read_csv of the same
// files; Ratio = Load / Baseline (the target is at most 1.5).
type Measurement struct {
	Rows     int64 // rows read by Load
	Bytes    int64 // size of the extract's files
	Load     time.Duration
	Baseline time.Duration
	Ratio    float64
	// LoadCPU and BaselineCPU are the process's user+system CPU time during
	// each step (DuckDB's threads included): on a shared machine they move
	// less with other work than the wall times do.
	LoadCPU     time.Duration
	BaselineCPU time.Duration
	CPURatio    float64
}

func (m Measurement) String() string {
	return fmt.Sprintf("%d rows, %.1f MB: load %.2fs (%.0f rows/s), read_csv baseline %.2fs, ratio %.2f; CPU load %.2fs, baseline %.2fs, ratio %.2f",
		m.Rows, float64(m.Bytes)/1e6, m.Load.Seconds(), float64(m.Rows)/m.Load.Seconds(), m.Baseline.Seconds(), m.Ratio,
		m.LoadCPU.Seconds(), m.BaselineCPU.Seconds(), m.CPURatio)
}

// Measure loads the extract in dir into a fresh database file under tmpDir,
// then times Baseline on another fresh file, and returns both. The bench
// script calls it; BenchmarkLoad does the same with generated data.
func Measure(ctx context.Context, dir, tmpDir string) (*Measurement, error) {
	m := &Measurement{}
	for i, step := range []func(*warehouse.DB) error{
		func(db *warehouse.DB) error {
			t0 := time.Now()
			sum, err := Load(ctx, db, dir, Options{})
			m.Load = time.Since(t0)
			if err != nil {
				return err
			}
			for _, f := range sum.Files {
				m.Rows += f.Read
			}
			return nil
		},
		func(db *warehouse.DB) error {
			d, err := Baseline(ctx, db, dir)
			m.Baseline = d
			return err
		},
	} {
		path := filepath.Join(tmpDir, fmt.Sprintf("measure-%d.duckdb", i))
		os.Remove(path)
		db, err := warehouse.Open(ctx, path, warehouse.Options{})
		if err != nil {
			return nil, err
		}
		c0 := cpu.Time()
		err = step(db)
		if i == 0 {
			m.LoadCPU = cpu.Time() - c0
		} else {
			m.BaselineCPU = cpu.Time() - c0
		}
		err = errors.Join(err, db.Close())
		os.Remove(path)
		os.Remove(path + ".wal")
		if err != nil {
			return nil, err
		}
	}
	ex, err := scanExtract(dir)
	if err != nil {
		return nil, err
	}
	m.Bytes = ex.Bytes
	m.Ratio = m.Load.Seconds() / m.Baseline.Seconds()
	m.CPURatio = m.LoadCPU.Seconds() / m.BaselineCPU.Seconds()
	return m, nil
}

// Baseline times plain DuckDB reading the extract's CSV files with explicit
// column types (codes as VARCHAR, dates as DATE …) into tables of schema
// baseline, in one committed transaction like a load. It checks nothing: it
// is the yardstick. Run it on a scratch database.
func Baseline(ctx context.Context, db *warehouse.DB, dir string) (time.Duration, error) {
	ex, err := scanExtract(dir)
	if err != nil {
		return 0, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	t0 := time.Now()
	if _, err := execSQL(ctx, conn, "begin.sql", nil, nil); err != nil {
		return 0, err
	}
	for _, f := range ex.Files {
		if f.Format != formatCSV || f.Encoding == encCP1252 {
			return 0, fmt.Errorf("%s: the baseline reads UTF-8 CSV only", f.Name)
		}
		type col struct{ Name, Type string }
		var cols []col
		for _, h := range f.Header {
			typ := "VARCHAR"
			if c, ok := f.Table.Column(normName(h)); ok {
				typ = c.Type.SQLType()
			}
			cols = append(cols, col{h, typ})
		}
		data := struct {
			Name    string
			Columns []col
		}{f.Table.Name, cols}
		if _, err := execSQL(ctx, conn, "baseline_csv.sql", data, map[string]any{"path": f.Path, "delim": f.Delimiter}); err != nil {
			execSQL(context.WithoutCancel(ctx), conn, "rollback.sql", nil, nil)
			return 0, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	_, err = execSQL(ctx, conn, "commit.sql", nil, nil)
	return time.Since(t0), err
}
