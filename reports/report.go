// Package reports writes the quarterly report of one period (and optionally
// one municipality): the Excel workbook (reports/xlsx) and the HTML chart
// report (reports/html), both rendered from one reports/model.Report, so the
// two always show the same, suppressed, figures.
package reports

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/sipstat/sipstat/reports/html"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/reports/xlsx"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// Options say which report to write and where.
type Options struct {
	// Period is the quarter; the zero Period means the latest complete
	// quarter before the as-of date.
	Period transform.Period
	// OutDir is the folder the files are written to (created if missing).
	OutDir string
	// Municipality is an SCB kommunkod for one municipality's report; "" for
	// the whole region.
	Municipality string
	// Lang is "sv" (default) or "en".
	Lang string
	// Settings supply the small-number threshold.
	Settings transform.Settings
	// Created is the time stamped into the reports; zero means now.
	Created time.Time
	// Threads is DuckDB's thread count while the report's data is read;
	// 0 means one for a municipality's report, the database's setting
	// otherwise (see Write).
	Threads int
	// Log, if set, gets each step's wall and CPU time at debug level.
	Log *slog.Logger
}

// BaseName is the report's file name without extension:
// sip-rapport-<period>[-<kommunkod>].
func BaseName(period, municipality string) string {
	name := "sip-rapport-" + period
	if municipality != "" {
		name += "-" + municipality
	}
	return name
}

// Write loads the report's data and writes OUT/sip-rapport-<period>.xlsx and
// .html (with -<kommunkod> for a municipality). It returns the paths
// written. Nothing is left behind on error: a file is written under a
// temporary name and renamed when complete.
func Write(ctx context.Context, db *warehouse.DB, opts Options) ([]string, error) {
	lang := opts.Lang
	switch lang {
	case "":
		lang = "sv"
	case "sv", "en":
	default:
		return nil, fmt.Errorf("report: language %q: want sv or en", lang)
	}
	// A municipality's report reads side by side on connections of their
	// own (the region's values in three reads, the municipality's scope —
	// some 70 statements over its few thousand SIPs — on a fourth), so
	// DuckDB's worker threads only add the cost of splitting small queries:
	// at 200 000 SIPs one thread took it from 4.2–4.8 to 3.1–3.3 CPU-s, in
	// less wall time too. A region's or the nation's report keeps the
	// database's threads (at 1 000 000 SIPs one thread made it 1.6 -> 1.95 s).
	// The database's own setting is put back afterwards.
	threads := opts.Threads
	if threads <= 0 && opts.Municipality != "" {
		threads = 1
	}
	restore := func() {}
	if threads > 0 {
		var err error
		restore, err = warehouse.Override(ctx, db, warehouse.Setting{Name: "threads", Value: strconv.Itoa(threads)})
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	r, err := model.Load(ctx, db, model.Options{
		Period:       opts.Period,
		Municipality: opts.Municipality,
		Threshold:    opts.Settings.SmallNumberThreshold,
		Created:      opts.Created,
		Settings:     opts.Settings,
		Log:          opts.Log,
	})
	restore()
	if err != nil {
		return nil, err
	}
	dir := opts.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	base := filepath.Join(dir, BaseName(r.Meta.Period.Label, opts.Municipality))
	// The workbook and the HTML report only read the model, so they are
	// rendered at the same time (each into its own temporary file); the
	// renames then keep the order and the all-or-nothing of one file after
	// the other: no HTML without its workbook.
	outs := []struct {
		path  string
		write func(*os.File) error
		tmp   string
		err   error
	}{
		{path: base + ".xlsx", write: func(f *os.File) error { return xlsx.Write(f, r, xlsx.Options{Lang: lang}) }},
		{path: base + ".html", write: func(f *os.File) error { return html.WriteOptions(f, r, html.Options{Lang: lang}) }},
	}
	var wg sync.WaitGroup
	for i := range outs {
		o := &outs[i]
		wg.Go(func() {
			defer model.StartStep(opts.Log, "write "+filepath.Ext(o.path)).Done()
			o.tmp, o.err = writeTemp(o.path, o.write)
		})
	}
	wg.Wait()
	defer func() {
		for _, o := range outs {
			if o.tmp != "" {
				os.Remove(o.tmp)
			}
		}
	}()
	var paths []string
	for i := range outs {
		o := &outs[i]
		if o.err != nil {
			return paths, o.err
		}
		if err := os.Rename(o.tmp, o.path); err != nil {
			return paths, fmt.Errorf("report: %w", err)
		}
		o.tmp = ""
		paths = append(paths, o.path)
	}
	return paths, nil
}

// writeTemp writes a file under a temporary name next to path and returns
// that name; on error nothing is left behind.
func writeTemp(path string, write func(*os.File) error) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	// CreateTemp makes the file private; a report is meant to be shared.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", fmt.Errorf("report: %w", err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return "", fmt.Errorf("report %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("report %s: %w", path, err)
	}
	return tmp.Name(), nil
}
