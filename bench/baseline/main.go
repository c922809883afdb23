// Command baseline loads an extract's CSV files into DuckDB the plainest way
// possible — one `create table … as select * from read_csv(…)` per contract
// table, with the contract's column types given explicitly and no validation —
// so that `make bench` can report how close `sipstat load` comes to the
// physical limit of this machine. It opens the database through
// warehouse.Open with the same threads and memory limit flags as sipstat.
//
// Usage:
//
//	baseline --db FILE [--threads N] [--memory-limit 4GB] [--source NAME] [--skip-bad-rows] EXTRACT_DIR
//
// stdout gets one tab-separated line per table loaded (table, rows, seconds)
// and a final "total" line; the seconds cover the CTAS only, while the total
// also includes opening the database and the commit and checkpoint on close.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole command, taking its arguments and streams so the test can
// drive it in-process. It returns the exit status: 0 ok, 1 failed, 2 usage.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("baseline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt Options
	fs.StringVar(&opt.DBPath, "db", "", "DuckDB database file to create the raw.* tables in (required; must not hold them yet)")
	fs.IntVar(&opt.Threads, "threads", 0, "DuckDB threads (0 = one per core, as sipstat)")
	fs.StringVar(&opt.MemoryLimit, "memory-limit", "", "DuckDB memory limit, e.g. 4GB (default: DuckDB's, as sipstat)")
	fs.StringVar(&opt.Source, "source", "baseline", "value of the source column")
	fs.BoolVar(&opt.SkipBadRows, "skip-bad-rows", false, "leave out rows with a value DuckDB cannot type (read_csv ignore_errors) instead of failing")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: baseline --db FILE [--threads N] [--memory-limit SIZE] [--source NAME] [--skip-bad-rows] EXTRACT_DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || opt.DBPath == "" {
		fs.Usage()
		return 2
	}
	opt.Dir = fs.Arg(0)
	res, err := Load(ctx, opt)
	if err != nil {
		fmt.Fprintf(stderr, "baseline: %v\n", err)
		return 1
	}
	var rows int64
	for _, t := range res.Tables {
		fmt.Fprintf(stdout, "%s\t%d\t%.3f\n", t.Table, t.Rows, t.Seconds)
		rows += t.Rows
	}
	fmt.Fprintf(stdout, "total\t%d\t%.3f\n", rows, res.Seconds)
	return 0
}
