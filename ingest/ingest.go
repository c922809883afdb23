// Package ingest loads an extract folder (CSV, one XLSX workbook, or Parquet)
// into DuckDB: validated, typed rows in raw.<table>, plus load_sources,
// load_files, load_rejects and load_warnings. A load commits the new
// snapshot out of sight and switches it in, with the model, in one short
// transaction (switch.go); an extract is a full snapshot of its source. See
// README.md.
package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/warehouse"
)

// Options steer one load.
type Options struct {
	// Strict turns any rejected row into a failed load that changes nothing.
	Strict bool
	// AsOf is the as-of date when the extract has no manifest; else the
	// latest date in the data is used.
	AsOf *time.Time
	// Source names the extract's source when it has no manifest; the default
	// is the folder name.
	Source string
	// Logger receives step timings at debug level; nil discards them.
	Logger *slog.Logger
	// Progress, when non-nil and a terminal, shows a progress bar for loads
	// that take more than a second.
	Progress io.Writer
	// BeforeCommit runs on the load's connection in the switch's transaction:
	// the new rows are committed (as pending tables) and have taken the
	// raw.* and load_* names; its writes commit with them. An error rolls
	// everything back and the database is as before the load.
	BeforeCommit func(ctx context.Context, conn *sql.Conn) error
}

// FileSummary is what happened to one delivered table. Read = Loaded + Rejected.
type FileSummary struct {
	Table, File, Format, Encoding, Delimiter string
	Read, Loaded, Rejected                   int64
}

// Reject is one rejected input row and reason.
type Reject struct {
	Table, File string
	Line        int64
	Column      string
	Reason      string
}

func (r Reject) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", r.File, r.Line, r.Column, r.Reason)
}

// Summary reports a load.
type Summary struct {
	Source string
	AsOf   time.Time
	Files  []FileSummary
	// Unchanged is true when this very extract was already loaded; nothing
	// was written.
	Unchanged bool
	Warnings  []string
	// Rejects counts rejected rows over all files.
	Rejects int64
	// RejectSamples are the first rejects (at most maxSamples), in table and line order.
	RejectSamples []Reject
	Fingerprint   string
	Elapsed       time.Duration
}

const maxSamples = 20

// testHook, when set by a test, runs after each step of a load (its name),
// so a test can cancel or kill a load at a known point.
var testHook func(step string)

func hook(step string) {
	if testHook != nil {
		testHook(step)
	}
}

// Load reads the extract folder dir into db, atomically: readers see the
// previous snapshot (rows, bookkeeping, model) until the switch's commit,
// then the new one. With an error, the database is exactly as before. A privacy refusal's error wraps
// ErrNotAnonymised and names file, row and column, never the value.
func Load(ctx context.Context, db *warehouse.DB, dir string, opt Options) (*Summary, error) {
	sum, err := load(ctx, db, dir, opt)
	return sum, redactErr(err)
}

func load(ctx context.Context, db *warehouse.DB, dir string, opt Options) (*Summary, error) {
	start := time.Now()
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if containsPersonalNumber(opt.Source) {
		return nil, privacyPlaceError("the source name given")
	}
	ex, err := scanExtract(dir)
	if err != nil {
		return nil, err
	}
	log.Debug("load step", "step", "read files", "elapsed", time.Since(start))
	l := &loader{ex: ex, opt: opt, log: log, warnings: ex.Warnings, rejectedMade: map[string]bool{}}
	l.source = opt.Source
	if ex.Manifest != nil && ex.Manifest.Source != "" {
		l.source = ex.Manifest.Source
	}
	if l.source == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		l.source = filepath.Base(abs)
	}
	if strings.ContainsRune(l.source, 0) {
		// (rejectedSource marks rows with a NUL.)
		return nil, fmt.Errorf("the source name has a NUL character")
	}
	switch {
	case ex.Manifest != nil && ex.Manifest.ExtractedAt != "":
		l.asOf, _ = parseDate(ex.Manifest.ExtractedAt)
	case opt.AsOf != nil:
		y, m, d := opt.AsOf.Date()
		l.asOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		// The same files with another as-of date are another snapshot.
		h := sha256.Sum256([]byte(ex.Fingerprint + " as of " + l.asOf.Format(time.DateOnly)))
		ex.Fingerprint = hex.EncodeToString(h[:])
	}
	l.prog = newProgress(opt.Progress, 6+4*len(ex.Files)) // + pending, switch, switch commit
	defer l.prog.done()

	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	l.conn = conn
	l.lastCPU = cpu.Time()
	sum, err := l.run(ctx)
	if err == nil && !sum.Unchanged {
		// A load cancelled after its last step is still cancelled.
		if err = ctx.Err(); err == nil {
			t0, c0 := time.Now(), cpu.Time()
			if _, err = execSQL(ctx, conn, "commit.sql", nil, nil); err == nil {
				l.inTx, l.pending = false, true
				hook("pending committed")
			}
			log.Debug("sql", "file", "commit.sql", "elapsed", time.Since(t0), "cpu", cpu.Time()-c0)
			log.Debug("load step", "step", "commit", "cpu", cpu.Time()-l.lastCPU)
			l.lastCPU = cpu.Time()
		}
	}
	if l.inTx {
		err = errors.Join(err, l.rollback(ctx))
	}
	if l.pending && err == nil {
		// The new rows are committed as pending tables: switch them in,
		// check them and take back the rejected ones, and rebuild the
		// model in one transaction of its own.
		err = l.switchIn(ctx, sum)
		if l.inTx {
			err = errors.Join(err, l.rollback(ctx))
		}
	}
	if l.restoreWrite != nil {
		l.restoreWrite()
	}
	if derr := l.dropWorkTables(context.WithoutCancel(ctx)); derr != nil {
		// Leftover temporary tables must not reach the next user of the
		// connection; a dropped connection takes them along.
		conn.Raw(func(any) error { return driver.ErrBadConn })
		l.log.Warn("dropping the load's temporary tables", "error", derr)
	}
	if l.pending {
		// Readers never read the pending tables; the next load drops them
		// too if this fails (or the process is killed first).
		if derr := l.dropPending(context.WithoutCancel(ctx)); derr != nil {
			l.log.Warn("the next load drops them", "error", derr)
		}
	}
	if err != nil {
		return nil, err
	}
	sum.Elapsed = time.Since(start)
	log.Debug("load finished", "source", sum.Source, "unchanged", sum.Unchanged, "rejects", sum.Rejects, "elapsed", sum.Elapsed)
	return sum, nil
}

type loader struct {
	ex       *extract
	opt      Options
	log      *slog.Logger
	conn     *sql.Conn
	source   string
	asOf     time.Time
	warnings []warning
	prog     *progress
	staged   []*stagedFile
	inTx     bool // the load's transaction (or the switch's) is open
	// pending: the new snapshot is committed as __pending tables and not
	// switched in yet.
	pending bool
	// tables are the snapshot's tables (setAside).
	tables []snapshotTable
	// restoreWrite puts back the settings of writeSettings.
	restoreWrite func()
	// rejectedMade: the table of a contract table's rejected keys exists.
	rejectedMade map[string]bool
	lastCPU      time.Duration
}

type stagedFile struct {
	f     *inputFile
	n     names
	cols  []checkColumn
	stage []string // the staged columns, without __line
	// read and written: the file's input rows and the rows the one-pass
	// way wrote in the load's first transaction (write).
	read, written int64
}

func (l *loader) step(name string, t0 time.Time) {
	now := cpu.Time()
	l.log.Debug("load step", "step", name, "elapsed", time.Since(t0), "cpu", now-l.lastCPU)
	l.lastCPU = now
	l.prog.step(name)
	hook(name)
}

func (l *loader) params(more ...any) map[string]any {
	p := map[string]any{"source": l.source, "as_of": l.asOf.Format(time.DateOnly)}
	for i := 0; i+1 < len(more); i += 2 {
		p[more[i].(string)] = more[i+1]
	}
	return p
}

// run opens the files (a view over each UTF-8 CSV file, the others staged
// into temporary tables) and checks their privacy before the transaction,
// so staged rows are scanned in parallel (DuckDB reads rows written inside
// an open transaction on one thread); then in one transaction it writes the
// source's new snapshot with the validated rows, left as pending tables for
// the switch (switch.go).
func (l *loader) run(ctx context.Context) (*Summary, error) {
	t0 := time.Now()
	// The same extract loaded already: nothing to do (a read; the check is
	// made again inside the transaction).
	if sum, err := l.checkPreviousIfAny(ctx); sum != nil || err != nil {
		return sum, err
	}
	if _, err := execSQL(ctx, l.conn, "macros.sql", nil, nil); err != nil {
		return nil, err
	}
	// Nothing is written outside temporary tables until every cell has
	// passed the privacy check: CSV files were read once by Go for a
	// candidate (sniffCSV), workbooks are checked as they are parsed, and
	// the rest (Parquet, and CSV files with a candidate, to name row and
	// column) by a scan of the staged cells.
	l.step("setup", t0)
	if err := l.openFiles(ctx); err != nil {
		return nil, err
	}
	if err := l.privacyScans(ctx); err != nil {
		return nil, err
	}
	if l.asOf.IsZero() {
		if err := l.latestDate(ctx); err != nil {
			return nil, err
		}
		if sum, err := l.checkPreviousIfAny(ctx); sum != nil || err != nil {
			return sum, err
		}
	}

	if err := l.begin(ctx); err != nil {
		return nil, err
	}
	if sum, err := l.checkPreviousIfAny(ctx); sum != nil || err != nil {
		return sum, err
	}
	if err := l.replaceSnapshot(ctx); err != nil {
		return nil, err
	}

	sum := &Summary{Source: l.source, AsOf: l.asOf, Fingerprint: l.ex.Fingerprint}
	// Line numbers are fixed where rows are staged, so validation may run
	// without insertion order (see validationSettings; the previous
	// settings come back before the commit, also on error).
	if err := l.writeSettings(ctx); err != nil {
		return nil, err
	}
	restore, err := l.validationSettings(ctx)
	if err != nil {
		return nil, err
	}
	defer restore()
	if err := l.writeAll(ctx); err != nil {
		return nil, err
	}
	restore()
	if err := l.makePending(ctx); err != nil {
		return nil, err
	}
	return sum, nil
}

// check runs in the switch's transaction, after the pending tables the
// load committed took the usual names (switch.sql): each file's written
// rows are checked and the rejected ones taken back (validateAll), and the
// bookkeeping is written. The rows taken back are deleted from committed
// storage (see write), under the names they keep at the commit: DuckDB's
// WAL names a table by its name at the commit, so a table renamed after
// rows of it were deleted is not found when the WAL is replayed.
func (l *loader) check(ctx context.Context, sum *Summary) error {
	restore, err := l.validationSettings(ctx)
	if err != nil {
		return err
	}
	defer restore()
	if err := l.validateAll(ctx, sum); err != nil {
		return err
	}
	for _, fs := range sum.Files {
		sum.Rejects += fs.Rejected
	}
	if err := l.summarise(ctx, sum); err != nil {
		return err
	}
	if l.opt.Strict && sum.Rejects > 0 {
		return strictError(sum)
	}
	// The working tables (the rows taken back, the problems, the staged
	// files) are dropped before the model is built in the same
	// transaction, so they do not add to its memory (the whole load at
	// 1 000 000 SIPs peaked at 3.4 GB RSS with them).
	return l.dropWorkTables(ctx)
}

// writeAll writes every file's rows the one-pass way (write), in load
// order, in the load's first transaction; the exact way (exactOnly)
// writes nothing here.
func (l *loader) writeAll(ctx context.Context) error {
	if exactOnly {
		return nil
	}
	for _, sf := range l.staged {
		t0 := time.Now()
		if err := l.write(ctx, sf); err != nil {
			return err
		}
		l.step("write "+sf.f.where(), t0)
	}
	return nil
}

// rollback ends the open transaction of the load or the switch.
func (l *loader) rollback(ctx context.Context) error {
	// Rolling back must happen even when ctx was cancelled (Ctrl-C).
	if _, err := execSQL(context.WithoutCancel(ctx), l.conn, "rollback.sql", nil, nil); err != nil {
		// A connection in an unknown transaction state must not go back
		// to the pool.
		l.conn.Raw(func(any) error { return driver.ErrBadConn })
		return err
	}
	l.inTx = false
	return nil
}

// strictError is a strict load's failure: how many rows were rejected and
// the first of them.
func strictError(sum *Summary) error {
	first := ""
	if len(sum.RejectSamples) > 0 {
		first = "; first: " + sum.RejectSamples[0].String()
	}
	return fmt.Errorf("strict load: %d rows rejected, nothing was loaded%s", sum.Rejects, first)
}

// beforeCommit runs Options.BeforeCommit (the model's rebuild) inside the
// switch's transaction, after the new snapshot's tables took their names.
func (l *loader) beforeCommit(ctx context.Context) error {
	hook("before commit")
	if l.opt.BeforeCommit != nil {
		t0 := time.Now()
		if err := l.opt.BeforeCommit(ctx, l.conn); err != nil {
			return fmt.Errorf("before commit: %w", err)
		}
		l.step("before commit", t0)
	}
	return nil
}

// openFiles opens every file of the extract (a view over a UTF-8 CSV file,
// the others staged into temporary tables) and maps its columns to the
// contract's.
func (l *loader) openFiles(ctx context.Context) error {
	for _, f := range l.ex.Files {
		t0 := time.Now()
		sf := stagedFile{f: f, n: namesFor(f.Table.Name)}
		if f.Format == formatCSV {
			sf.n.NoTrim = !f.Scan.EdgeSpace
		}
		warn := func(msg string) { l.warnings = append(l.warnings, warning{f.where(), msg}) }
		// Listed before its objects are created, so they are dropped
		// however the load ends.
		l.staged = append(l.staged, &sf)
		if err := open(ctx, l.conn, f, &sf.n, warn); err != nil {
			return err
		}
		if err := l.mapColumns(ctx, &sf); err != nil {
			return err
		}
		l.step("stage "+f.where(), t0)
	}
	return nil
}

// privacyScans scans the cells of Parquet files and of CSV files whose
// prescan saw a personal identity number candidate for one, staging them
// first to name the line.
func (l *loader) privacyScans(ctx context.Context) error {
	for _, sf := range l.staged {
		t0 := time.Now()
		if sf.f.Format == formatParquet || sf.f.Scan.PersonalNumber {
			// Staged, to name the line.
			if err := stage(ctx, l.conn, sf.f, &sf.n, nil); err != nil {
				return err
			}
			if err := l.privacyScan(ctx, *sf); err != nil {
				return err
			}
		}
		l.step("privacy "+sf.f.where(), t0)
	}
	return nil
}

// begin opens the load's transaction.
func (l *loader) begin(ctx context.Context) error {
	if _, err := execSQL(ctx, l.conn, "begin.sql", nil, nil); err != nil {
		return err
	}
	l.inTx = true
	return nil
}

// replaceSnapshot sets the live snapshot's tables aside (setAside: fresh
// tables of the usual names hold the other sources' rows) and makes the
// views of this load's rows of each table (the parents the references are
// checked against).
func (l *loader) replaceSnapshot(ctx context.Context) error {
	t0 := time.Now()
	if err := l.setAside(ctx); err != nil {
		return err
	}
	for i := range contract.Tables {
		n := namesFor(contract.Tables[i].Name)
		if _, err := execSQL(ctx, l.conn, "loaded_view.sql", struct {
			names
			Source string
		}{n, l.source}, nil); err != nil {
			return err
		}
	}
	l.step("replace previous snapshot", t0)
	return nil
}

// summarise writes the load's bookkeeping (load_sources, load_files,
// load_warnings) and adds the reject samples and the warnings to sum.
func (l *loader) summarise(ctx context.Context, sum *Summary) error {
	t0 := time.Now()
	if err := l.writeBookkeeping(ctx, sum); err != nil {
		return err
	}
	samples, err := l.rejectSamples(ctx)
	if err != nil {
		return err
	}
	sum.RejectSamples = samples
	l.step("bookkeeping", t0)
	for _, w := range l.warnings {
		sum.Warnings = append(sum.Warnings, w.File+": "+w.Message)
	}
	return nil
}

// validateAll validates the files in load order (parents first), each
// the one-pass way (see validate).
//
// The probes of the rows written run file by file. Run as one query after
// the last file, they saved about 0.1 s at 20 000 SIPs on a clean extract,
// but a finding there made every later file be checked again: with
// sipstat sample's flaws (0.002) that was every file, and the load took 5.6
// times the baseline at 100 000 SIPs.
func (l *loader) validateAll(ctx context.Context, sum *Summary) error {
	for _, sf := range l.staged {
		t0 := time.Now()
		fs, err := l.validate(ctx, sf, exactOnly)
		if err != nil {
			return err
		}
		sum.Files = append(sum.Files, fs)
		l.step("validate "+sf.f.where(), t0)
	}
	return nil
}

// exactOnly makes every file take the exact way (a test compares the
// one-pass way's results with it).
var exactOnly = false

// stagedFile returns the staged file of a contract table, nil when the
// extract has none.
func (l *loader) stagedFile(table string) *stagedFile {
	for _, sf := range l.staged {
		if sf.n.Table == table {
			return sf
		}
	}
	return nil
}

// dropWorkTables drops every temporary object of the load, after it
// committed or rolled back.
func (l *loader) dropWorkTables(ctx context.Context) error {
	var errs []error
	for i := range contract.Tables {
		n := namesFor(contract.Tables[i].Name)
		if sf := l.stagedFile(n.Table); sf != nil {
			n = sf.n
		}
		if _, err := execSQL(ctx, l.conn, "drop_temp.sql", n, nil); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// checkPreviousIfAny is checkPrevious on a database that may not have the
// bookkeeping tables yet (before the load's transaction creates them).
func (l *loader) checkPreviousIfAny(ctx context.Context) (*Summary, error) {
	var n int
	if err := queryRowSQL(ctx, l.conn, "has_bookkeeping.sql", nil, &n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	return l.checkPrevious(ctx)
}

func (l *loader) ensureSchema(ctx context.Context) error {
	if _, err := execSQL(ctx, l.conn, "schema.sql", nil, nil); err != nil {
		return err
	}
	for i := range contract.Tables {
		if _, err := execSQL(ctx, l.conn, "raw_table.sql", &contract.Tables[i], nil); err != nil {
			return err
		}
	}
	return nil
}

// checkPrevious compares with the source's loaded snapshot: the same
// fingerprint means nothing to do; an older extract is refused, since an
// extract replaces its source's rows and would roll the data back.
func (l *loader) checkPrevious(ctx context.Context) (*Summary, error) {
	rows, err := querySQL(ctx, l.conn, "previous_load.sql", nil, l.params())
	if err != nil {
		return nil, err
	}
	var fingerprint string
	var extracted time.Time
	found := false
	for rows.Next() {
		found = true
		if err := rows.Scan(&fingerprint, &extracted); err != nil {
			rows.Close()
			return nil, err
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	if !found {
		return nil, nil
	}
	if fingerprint == l.ex.Fingerprint {
		return l.unchangedSummary(ctx, extracted)
	}
	if !l.asOf.IsZero() && extracted.After(l.asOf) {
		return nil, fmt.Errorf("source %q already holds a newer extract (as of %s) than this one (as of %s); nothing was loaded",
			l.source, extracted.Format(time.DateOnly), l.asOf.Format(time.DateOnly))
	}
	return nil, nil
}

func (l *loader) unchangedSummary(ctx context.Context, asOf time.Time) (*Summary, error) {
	sum := &Summary{Source: l.source, AsOf: asOf, Unchanged: true, Fingerprint: l.ex.Fingerprint}
	rows, err := querySQL(ctx, l.conn, "loaded_files.sql", nil, l.params())
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var fs FileSummary
		if err := rows.Scan(&fs.Table, &fs.File, &fs.Format, &fs.Encoding, &fs.Delimiter, &fs.Read, &fs.Loaded, &fs.Rejected); err != nil {
			rows.Close()
			return nil, err
		}
		sum.Files = append(sum.Files, fs)
		sum.Rejects += fs.Rejected
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	orderFiles(sum.Files)
	wrows, err := querySQL(ctx, l.conn, "loaded_warnings.sql", nil, l.params())
	if err != nil {
		return nil, err
	}
	for wrows.Next() {
		var file, msg string
		if err := wrows.Scan(&file, &msg); err != nil {
			wrows.Close()
			return nil, err
		}
		sum.Warnings = append(sum.Warnings, file+": "+msg)
	}
	if err := errors.Join(wrows.Err(), wrows.Close()); err != nil {
		return nil, err
	}
	sum.RejectSamples, err = l.rejectSamples(ctx)
	return sum, err
}

// orderFiles puts file summaries in contract order.
func orderFiles(files []FileSummary) {
	pos := map[string]int{}
	for i, t := range contract.Tables {
		pos[t.Name] = i
	}
	for i := 1; i < len(files); i++ {
		for j := i; j > 0 && pos[files[j].Table] < pos[files[j-1].Table]; j-- {
			files[j], files[j-1] = files[j-1], files[j]
		}
	}
}

func (l *loader) rejectSamples(ctx context.Context) ([]Reject, error) {
	rows, err := querySQL(ctx, l.conn, "sample_rejects.sql", nil, l.params("limit", maxSamples))
	if err != nil {
		return nil, err
	}
	var out []Reject
	for rows.Next() {
		var r Reject
		if err := rows.Scan(&r.File, &r.Table, &r.Line, &r.Column, &r.Reason); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
	}
	return out, errors.Join(rows.Err(), rows.Close())
}

// codeSpelling is one accepted input spelling of a code (lower-cased) and
// the English code it maps to.
type codeSpelling struct{ input, code string }

// codeSpellings lists every code, Swedish label and alias of a code list,
// lower-cased, once each.
func codeSpellings(cl *contract.CodeList) []codeSpelling {
	var out []codeSpelling
	seen := map[string]bool{}
	for _, c := range cl.Codes {
		for _, s := range append([]string{c.Code, c.Label}, c.Aliases...) {
			in := strings.ToLower(strings.TrimSpace(s))
			code, ok := cl.Parse(s)
			if !ok || seen[in] {
				continue
			}
			seen[in] = true
			out = append(out, codeSpelling{in, code})
		}
	}
	return out
}

func (l *loader) writeBookkeeping(ctx context.Context, sum *Summary) error {
	for _, fs := range sum.Files {
		_, err := execSQL(ctx, l.conn, "insert_file.sql", nil, l.params(
			"table_name", fs.Table, "file_name", fs.File, "format", fs.Format, "encoding", fs.Encoding,
			"delimiter", fs.Delimiter, "rows_read", fs.Read, "rows_loaded", fs.Loaded, "rows_rejected", fs.Rejected))
		if err != nil {
			return err
		}
	}
	for _, w := range l.warnings {
		if _, err := execSQL(ctx, l.conn, "insert_warning.sql", nil, l.params("file_name", w.File, "message", w.Message)); err != nil {
			return err
		}
	}
	var region any
	version := contract.Version
	if m := l.ex.Manifest; m != nil {
		if m.RegionCode != "" {
			region = m.RegionCode
		}
		if m.ContractVersion != "" {
			version = m.ContractVersion
		}
	}
	abs, err := filepath.Abs(l.ex.Dir)
	if err != nil {
		return err
	}
	_, err = execSQL(ctx, l.conn, "insert_source.sql", nil, l.params(
		"region_code", region, "contract_version", version, "extracted_at", l.asOf.Format(time.DateOnly),
		"loaded_at", time.Now().UTC(), "fingerprint", l.ex.Fingerprint, "extract_dir", redact(abs)))
	return err
}

// validationSettings changes settings for validation and returns the
// function that puts the previous values back (also on error):
//   - preserve_insertion_order off (the load's connection): line numbers
//     were fixed at staging and rejects are ordered where read, so DuckDB
//     may insert in parallel;
//   - the filter_pushdown optimizer disabled: pushed below the typed view, a
//     filter on the problem flags gets every typed expression inlined,
//     several times over (measured: 3x the CPU of typing participants
//     once); above it, the flags read the typed columns computed once.
//
// DuckDB has the last one only for the whole database instance: other
// connections of the process plan the same way until validation ends (a
// question of speed, never of results).
func (l *loader) validationSettings(ctx context.Context) (func(), error) {
	return warehouse.Override(ctx, l.conn,
		warehouse.Setting{Name: "preserve_insertion_order", Scope: "session", Value: "false"},
		warehouse.Setting{Name: "disabled_optimizers", Scope: "global", Add: "filter_pushdown"},
	)
}

// writeSettings disables FSST string compression, as transform does, until
// the load commits or rolls back: writing the raw tables costs less CPU, the
// ids and codes compress as well by dictionary. Rows a parallel insert
// leaves in part-filled row groups are compressed at the commit, so the
// commit needs the setting too (measured: FSST was most of an 0.8 s commit
// at 100 000 SIPs). DuckDB has it only for the whole database instance:
// other connections of the process write the same way meanwhile.
func (l *loader) writeSettings(ctx context.Context) error {
	restore, err := warehouse.Override(ctx, l.conn,
		warehouse.Setting{Name: "disabled_compression_methods", Scope: "global", Add: "fsst"},
	)
	l.restoreWrite = restore
	return err
}
