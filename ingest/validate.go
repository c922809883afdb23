package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/internal/cpu"
	"github.com/sipstat/sipstat/warehouse"
)

// checkColumn is one contract column as check.sql sees it.
type checkColumn struct {
	Name     string
	Type     contract.Type
	Required bool
	// Source is the staged column holding it; empty when the file lacks it.
	Source string
	// Codes is the code list of a code column.
	Codes *contract.CodeList
	// Problem is the reject reason for a value that does not parse, with {}
	// for the value.
	Problem string
	// Rule names a format rule of the contract: region, municipality, birth_year.
	Rule string
}

type checkData struct {
	names
	Columns   []checkColumn
	MaxID     int
	HasRegion bool
	// AnyBad and AnyProblem say whether the file has rows with a cell
	// problem, and with any problem so far: without, the SQL leaves out
	// its anti joins (even against an empty table they cost a probe per row).
	AnyBad, AnyProblem bool
	// TakenBack: the rows read are only those the one-pass way took back
	// (names.Taken); the other written rows stay in raw.<table>.
	TakenBack bool
}

// mapColumns matches the staged columns to the contract by name (trimmed,
// any case): unknown columns are not loaded (a warning), a missing optional
// column loads as empty (a warning), a missing required one stops the load.
func (l *loader) mapColumns(ctx context.Context, sf *stagedFile) error {
	if sf.n.Staged {
		if err := l.describe(ctx, sf); err != nil {
			return err
		}
	} else {
		// A CSV file read where used: its view names the columns so.
		sf.stage = csvColumns(sf.f)
	}
	f := sf.f
	header := f.Header
	if f.Format == formatParquet {
		header = sf.stage
		f.Header = header
		if err := checkHeader(f); err != nil {
			return err
		}
	}
	if len(header) != len(sf.stage) {
		return fmt.Errorf("%s: read %d columns, the header has %d", f.where(), len(sf.stage), len(header))
	}
	byName := map[string]string{}
	for i, h := range header {
		n := normName(h)
		if _, ok := f.Table.Column(n); !ok {
			if n == "" {
				l.warnings = append(l.warnings, warning{f.where(), fmt.Sprintf("column %d has no name; not loaded", i+1)})
			} else {
				l.warnings = append(l.warnings, warning{f.where(), fmt.Sprintf("column %q is not in the contract; not loaded", strings.TrimSpace(h))})
			}
			continue
		}
		byName[n] = sf.stage[i]
	}
	for _, c := range f.Table.Columns {
		cc := checkColumn{Name: c.Name, Type: c.Type, Required: c.Required, Source: byName[c.Name]}
		if cc.Source == "" {
			l.warnings = append(l.warnings, warning{f.where(), fmt.Sprintf("optional column %s is missing; loaded as empty", c.Name)})
		}
		switch c.Type {
		case contract.TypeDate:
			cc.Problem = `"{}" is not a date (want YYYY-MM-DD)`
		case contract.TypeInt:
			cc.Problem = `"{}" is not a whole number`
		case contract.TypeBool:
			cc.Problem = `"{}" is not a yes/no value (want true/false, 1/0, ja/nej or yes/no)`
		case contract.TypeCode:
			cc.Codes = c.Codes
			cc.Problem = fmt.Sprintf(`"{}" is not a known %s code (want %s, or its Swedish label)`, c.Name, strings.Join(c.Codes.Values(), ", "))
		}
		switch {
		case c.Name == "region_code":
			cc.Rule = "region"
		case c.Name == "municipality_code":
			cc.Rule = "municipality"
		case c.Name == "birth_year":
			cc.Rule = "birth_year"
		}
		sf.cols = append(sf.cols, cc)
	}
	return nil
}

// describe lists the staged columns of a file (without __line).
func (l *loader) describe(ctx context.Context, sf *stagedFile) error {
	rows, err := querySQL(ctx, l.conn, "describe.sql", sf.n, nil)
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		if !strings.HasPrefix(name, "__") { // __line, __problem_*
			sf.stage = append(sf.stage, name)
		}
	}
	return errors.Join(rows.Err(), rows.Close())
}

// privacyScan refuses the load when any staged cell, in or outside the
// contract, holds a personal identity or coordination number. DuckDB finds
// the rows with ten digits in a row; Go decides. Values are never logged.
func (l *loader) privacyScan(ctx context.Context, sf stagedFile) error {
	if len(sf.stage) == 0 {
		return nil
	}
	data := struct {
		names
		Columns []string
	}{sf.n, sf.stage}
	rows, err := querySQL(ctx, l.conn, "privacy_scan.sql", data, nil)
	if err != nil {
		return err
	}
	defer rows.Close()
	cells := make([]*string, len(sf.stage))
	dest := []any{new(int64)}
	for i := range cells {
		dest = append(dest, &cells[i])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for i, c := range cells {
			if c != nil && containsPersonalNumber(*c) {
				col := sf.stage[i]
				if i < len(sf.f.Header) {
					col = strings.TrimSpace(sf.f.Header[i])
				}
				return privacyError(sf.f.where(), sf.f.Table.Name, *dest[0].(*int64), col)
			}
		}
	}
	return rows.Err()
}

// latestDate sets the as-of date of an extract without manifest or option:
// the latest date in its data.
func (l *loader) latestDate(ctx context.Context) error {
	var latest time.Time
	for _, sf := range l.staged {
		var cols []string
		for _, c := range sf.cols {
			if c.Type == contract.TypeDate && c.Source != "" {
				cols = append(cols, c.Source)
			}
		}
		if len(cols) == 0 {
			continue
		}
		data := struct {
			names
			Columns []string
		}{sf.n, cols}
		rows, err := querySQL(ctx, l.conn, "latest_date.sql", data, nil)
		if err != nil {
			return err
		}
		for rows.Next() {
			var d *time.Time
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return err
			}
			if d != nil && d.After(latest) {
				latest = *d
			}
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return err
		}
	}
	if latest.IsZero() {
		return fmt.Errorf("%s: no as-of date: no manifest.json with extracted_at, none given, and no date in the data", l.ex.Dir)
	}
	l.asOf = latest.UTC()
	return nil
}

// validate checks one staged file set-based in DuckDB and writes its good
// rows to raw.<table>, its problems to load_rejects. The checks: cell
// problems (unparsable, missing, unknown code, format rules), duplicate
// keys, foreign keys (against the rows of this load's parent tables,
// parents first) and the table rules. Only problems are stored; typed rows
// are computed where they are read (a view over the staged file).
//
// Every file is written once, the one-pass way: one insert (write, in the
// load's transaction) writes every row, a row with a cell problem marked;
// then the key, reference and table rules run over the rows written
// (suspects.sql, one scan of stored columns rather than a second read of
// the file), which lists the keys to take back. A clean file has none and
// ends there. Otherwise only the rejected rows, and the rows they decide
// about, are taken back: the keys that repeat or whose rows break a rule
// or have a cell problem (suspects.sql), the rows written
// with those keys deleted, and the rows with a cell problem or such a key
// read back with their lines (stage_taken.sql). The exact way's checks then
// run over those rows alone — the other written rows break no rule, and
// every row a rule compares a taken row with is among them — and those that
// pass are written again.
//
// exact checks the whole file the exact way (the tests' reference): cell
// problems first, then the rules over the other rows, then the insert.
func (l *loader) validate(ctx context.Context, sf *stagedFile, exact bool) (FileSummary, error) {
	v := l.newFileCheck(ctx, sf)
	if exact {
		if err := v.exactChecks(); err != nil {
			return v.fsum, err
		}
		return v.finish(0, false, true)
	}
	loaded, clean, err := v.onePass()
	if err != nil {
		return v.fsum, err
	}
	return v.finish(loaded, clean, !clean)
}

// write is the one-pass way's first half, in the load's first transaction:
// it counts the file's rows and writes every row (insertOnePass), a row
// with a cell problem marked. Nothing is checked or taken back here: the
// switch's transaction does that (validate) on the rows committed, so the
// rows it takes back are deleted from committed storage, never from rows
// written in the same transaction. DuckDB merges the row groups a
// transaction wrote into the table at its commit only when none of its
// rows was deleted; otherwise the commit writes every row of the table
// again (measured on the 1 000 000-SIP heavy extract: the commits 64 → 5
// CPU-s, the peak RSS of load --no-transform 3.3 → 1.6 GB).
func (l *loader) write(ctx context.Context, sf *stagedFile) error {
	v := l.newFileCheck(ctx, sf)
	var err error
	if sf.read, err = l.rowsRead(ctx, sf); err != nil {
		return v.csvErr(err)
	}
	sf.written, err = l.insertOnePass(ctx, v.run, v.data, sf.read)
	return err
}

// fileCheck is the state of one validate call: the file, its summary so
// far, the data of its SQL templates and whether the typed view exists.
// It lives for that call only (hence its ctx).
type fileCheck struct {
	l         *loader
	ctx       context.Context
	sf        *stagedFile
	t         *contract.Table
	fsum      FileSummary
	data      checkData
	p         map[string]any
	typedMade bool
}

func (l *loader) newFileCheck(ctx context.Context, sf *stagedFile) *fileCheck {
	t := sf.f.Table
	v := &fileCheck{l: l, ctx: ctx, sf: sf, t: t,
		fsum: FileSummary{Table: t.Name, File: sf.f.Name, Format: sf.f.Format, Encoding: sf.f.Encoding, Delimiter: sf.f.Delimiter},
		data: checkData{names: sf.n, Columns: sf.cols, MaxID: contract.MaxIDLength},
		p:    l.params("file_name", sf.f.where(), "table_name", t.Name, "rejected_source", rejectedSource(l.source)),
	}
	_, v.data.HasRegion = t.Column("region_code")
	return v
}

// rejectedSource is the source the one-pass insert gives a row with a cell
// problem, so that suspects.sql sees it and it is taken back before the
// commit: no source has a NUL character (Load refuses one).
func rejectedSource(source string) string {
	return "\x00rejected\x00" + source
}

// csvErr words a CSV error of a file read where used (not staged) with its
// malformed lines.
func (v *fileCheck) csvErr(err error) error {
	if !v.sf.n.Staged && isCSVReadError(err) {
		// A file read where used shows its malformed lines here.
		return csvReadError(v.sf.f, err)
	}
	return err
}

// isCSVReadError says whether err is DuckDB's read_csv failing on the file's
// text (an Invalid Input error whose message starts "CSV Error"), not any
// other error that happens to mention CSV.
func isCSVReadError(err error) bool {
	var de *duckdb.Error
	return errors.As(err, &de) && de.Type == duckdb.ErrorTypeInvalidInput &&
		strings.HasPrefix(strings.TrimPrefix(de.Msg, "Invalid Input Error: "), "CSV Error")
}

// run executes one SQL template of the checks with the file's parameters,
// logging its time.
func (v *fileCheck) run(file string, d any) (int64, error) {
	return v.runWith(file, d, nil)
}

// runWith is run with parameters of its own besides the file's.
func (v *fileCheck) runWith(file string, d any, params map[string]any) (int64, error) {
	p := v.p
	if len(params) > 0 {
		p = maps.Clone(v.p)
		maps.Copy(p, params)
	}
	t0, c0 := time.Now(), cpu.Time()
	n, err := execSQL(v.ctx, v.l.conn, file, d, p)
	v.l.log.Debug("sql", "file", file, "table", v.t.Name, "elapsed", time.Since(t0), "cpu", cpu.Time()-c0)
	return n, v.csvErr(err)
}

// typedView makes the typed view over the file's rows, which every check
// but the one-pass insert (which types the rows itself) reads.
func (v *fileCheck) typedView() error {
	if v.typedMade {
		return nil
	}
	_, err := v.run("typed.sql", v.data)
	v.typedMade = err == nil
	return err
}

// staged makes sure the rows carry their line numbers: a file read where
// used is staged now (inside the transaction, so its scans are slower: only
// the exact way gets here), and the typed view reads the staged rows.
func (v *fileCheck) staged() error {
	if !v.sf.n.Staged {
		t0, c0 := time.Now(), cpu.Time()
		err := stage(v.ctx, v.l.conn, v.sf.f, &v.sf.n, nil)
		v.l.log.Debug("sql", "file", "stage_csv.sql", "table", v.t.Name, "elapsed", time.Since(t0), "cpu", cpu.Time()-c0)
		if err != nil {
			return err
		}
		v.data.names = v.sf.n
		v.typedMade = false
	}
	return v.typedView()
}

// onePass is the fast way: every row was written (write, a row with a cell
// problem marked) and committed; check the key, references and table rules
// over the written rows in one scan, and take back what they or the cell checks reject (takeBack). It
// returns the rows written and kept, and clean when every row was.
func (v *fileCheck) onePass() (loaded int64, clean bool, err error) {
	// The rows were counted and written in the load's first transaction
	// (write).
	v.fsum.Read = v.sf.read
	n := v.sf.written
	probe, err := probeData(v.data, v.t, !v.sf.f.Scan.KeysUnique)
	if err != nil {
		return n, false, err
	}
	if probe.Rule == "" && hasTableRule(v.t) {
		// A rule the probe has no form of (the survey tables) runs over
		// the typed rows of the whole file; a finding sends the file the
		// exact way (the rows written are taken back).
		found, err := v.ruleOverFile()
		if err != nil {
			return n, false, err
		}
		if found {
			if _, err := v.run("delete_loaded.sql", v.data); err != nil {
				return n, false, err
			}
			if err := v.exactChecks(); err != nil {
				return 0, false, err
			}
			return 0, false, nil
		}
	}
	// One scan of the rows written lists the keys to take back; a clean
	// file has none. (A probe that only said whether there were any, run
	// first, cost a second scan of every file with a finding: 7.5 CPU-s of
	// the 1 000 000-SIP heavy extract's load, and about what listing them
	// costs on a clean file.)
	suspect, err := v.suspects(probe)
	if err != nil {
		return n, false, err
	}
	if !suspect {
		return n, true, nil
	}
	kept, err := v.takeBack(n, probe.Key)
	return kept, false, err
}

// ruleOverFile runs the table's rule over the typed rows of the whole file
// and says whether it found anything.
func (v *fileCheck) ruleOverFile() (bool, error) {
	if err := v.typedView(); err != nil {
		return false, err
	}
	if _, err := v.run("problems_empty.sql", v.data); err != nil {
		return false, err
	}
	if _, err := v.l.tableRule(v.ctx, v.run, v.data, v.t); err != nil {
		return false, err
	}
	return v.l.anyProblem(v.ctx, v.sf.n)
}

// suspects lists the keys whose written rows are taken back
// (suspects.sql): keys that repeat, keys of rows that break a reference or
// a rule, keys of rows marked with a cell problem; it says whether there
// are any.
func (v *fileCheck) suspects(probe probeArgs) (bool, error) {
	for _, r := range probe.Refs {
		if r.Self {
			probe.SelfColumn = r.Column
		}
	}
	// It reads stored rows, not the typed view.
	pushdown, err := v.l.storedScans(v.ctx)
	if err != nil {
		return false, err
	}
	defer pushdown()
	if _, err := v.run("suspects.sql", probe); err != nil {
		return false, err
	}
	var any bool
	err = queryRowSQL(v.ctx, v.l.conn, "any_suspect.sql", v.data, &any)
	return any, err
}

// takeBack deletes the written rows marked with a cell problem or whose
// key is a suspect, and reads back the input rows with such a key (or
// without a typed key) with their lines; then checks them the exact way.
// It returns the written rows that stay; finish writes those of the taken
// rows that pass.
func (v *fileCheck) takeBack(written int64, key []string) (int64, error) {
	data := struct {
		checkData
		Key        []string
		KeyColumns []checkColumn
		HasBreaks  bool
		CSV        *csvSource
	}{checkData: v.data, Key: key}
	for _, k := range key {
		for _, c := range v.data.Columns {
			if c.Name == k {
				data.KeyColumns = append(data.KeyColumns, c)
			}
		}
	}
	if len(data.KeyColumns) != len(key) {
		return 0, fmt.Errorf("%s: a key column is not in the file", v.sf.f.where())
	}
	deleted, err := v.run("delete_taken.sql", struct {
		checkData
		Key []string
	}{v.data, key})
	if err != nil {
		return 0, err
	}
	params := map[string]any{}
	if !v.sf.n.Staged {
		// A file read where used is read again, numbered in file order.
		data.CSV = &csvSource{Path: v.sf.f.Path, Delimiter: v.sf.f.Delimiter, Columns: csvColumns(v.sf.f)}
		records, shifts := breakShifts(v.sf.f.Scan.LineBreaks)
		data.HasBreaks = len(records) > 0
		params["break_records"], params["break_shifts"] = records, shifts
		ordered, err := warehouse.Override(v.ctx, v.l.conn, warehouse.Setting{Name: "preserve_insertion_order", Scope: "session", Value: "true"})
		if err != nil {
			return 0, err
		}
		defer ordered()
	}
	if _, err := v.runWith("stage_taken.sql", data, params); err != nil {
		return 0, err
	}
	v.data.Rows = v.data.Taken
	v.data.TakenBack = true
	v.typedMade = false
	if err := v.typedView(); err != nil {
		return 0, err
	}
	if _, err := v.run("check.sql", v.data); err != nil {
		return 0, err
	}
	if v.data.AnyBad, err = v.l.anyProblem(v.ctx, v.sf.n); err != nil {
		return 0, err
	}
	return written - deleted, v.l.rules(v.ctx, v.run, v.data, v.t)
}

// csvSource is the read_csv template's data (direct_csv.sql).
type csvSource struct {
	Path, Delimiter string
	Columns         []string
}

// breakShifts turns the records of a file's line breaks inside quoted
// cells (fileScan.LineBreaks) into the records holding breaks, in order,
// and the breaks up to and including each.
func breakShifts(lineBreaks []int64) (records, shifts []int64) {
	for i, r := range lineBreaks {
		if k := len(records); k > 0 && records[k-1] == r {
			shifts[k-1] = int64(i + 1)
		} else {
			records, shifts = append(records, r), append(shifts, int64(i+1))
		}
	}
	return records, shifts
}

// exactChecks is the exact way: the staged rows' cell problems first, then
// the key, reference and table rules over the other rows.
func (v *fileCheck) exactChecks() error {
	if err := v.staged(); err != nil {
		return err
	}
	var err error
	if v.fsum.Read, err = v.l.rowsRead(v.ctx, v.sf); err != nil {
		return err
	}
	if _, err := v.run("check.sql", v.data); err != nil {
		return err
	}
	if v.data.AnyBad, err = v.l.anyProblem(v.ctx, v.sf.n); err != nil {
		return err
	}
	return v.l.rules(v.ctx, v.run, v.data, v.t)
}

// finish writes the problems to load_rejects (unless clean), with insert
// the rows that pass of those checked (all of the exact way's, the taken
// rows of the one-pass way) to raw.<table> after the loaded rows written
// already, and the keys of rejected rows; it checks that read = loaded +
// rejected.
func (v *fileCheck) finish(loaded int64, clean, insert bool) (FileSummary, error) {
	fsum := &v.fsum
	if !clean {
		if _, err := v.run("insert_rejects.sql", v.data); err != nil {
			return *fsum, err
		}
		if err := queryRowSQL(v.ctx, v.l.conn, "count_rejected.sql", v.data, &fsum.Rejected); err != nil {
			return *fsum, err
		}
	}
	v.data.AnyProblem = fsum.Rejected > 0
	if insert {
		n, err := v.run("insert_raw.sql", insertData{v.data, false})
		if err != nil {
			return *fsum, err
		}
		loaded += n
	}
	// The keys of rejected rows, for the reasons of dependants (made
	// empty where a dependant asks: see rejectedKeys).
	if len(v.t.Key) == 1 && v.data.AnyProblem {
		if _, err := v.run("rejected_keys.sql", struct {
			checkData
			KeyColumn string
		}{v.data, v.t.Key[0]}); err != nil {
			return *fsum, err
		}
		v.l.rejectedMade[v.t.Name] = true
	}
	fsum.Loaded = loaded
	if fsum.Read != fsum.Loaded+fsum.Rejected {
		return *fsum, fmt.Errorf("%s: counts do not reconcile: read %d, loaded %d, rejected %d", v.sf.f.where(), fsum.Read, fsum.Loaded, fsum.Rejected)
	}
	return *fsum, nil
}

// smallFile is the most rows a file has for its one-pass insert to keep
// insertion order (two of DuckDB's row groups). In a parallel insert each
// thread leaves a part-filled row group, which the commit compresses on
// one thread; an ordered insert fills row groups in turn, but costs more
// per row. Measured by make bench: the load at 20 000 SIPs 1.67 → 1.48 s
// and at 100 000 4.60 → 4.41 s with order kept for every file, at 200 000
// 7.1 → 8.6 s.
const smallFile = 2 * 122880

// insertOnePass runs the one-pass insert of a file, in insertion order
// when the file is small (see smallFile).
func (l *loader) insertOnePass(ctx context.Context, run func(string, any) (int64, error), data checkData, rows int64) (int64, error) {
	if rows <= smallFile {
		ordered, err := warehouse.Override(ctx, l.conn, warehouse.Setting{Name: "preserve_insertion_order", Scope: "session", Value: "true"})
		if err != nil {
			return 0, err
		}
		defer ordered()
	}
	return run("insert_raw.sql", insertData{data, true})
}

// insertData steers insert_raw.sql: CellFilter leaves out the rows with a
// cell problem by their flags (the fast way), else the rows listed in the
// problems table are left out.
type insertData struct {
	checkData
	CellFilter bool
}

func hasSelfReference(t *contract.Table) bool {
	for _, c := range t.Columns {
		if c.References == t.Name {
			return true
		}
	}
	return false
}

// reference is one foreign key of a table as rule_reference.sql and
// suspects.sql see it.
type reference struct {
	checkData
	Column, Parent, ParentKey, ParentLoaded, ParentRejected string
	Self                                                    bool
}

// references lists the foreign keys of t (data fills their checkData).
func references(data checkData, t *contract.Table) []reference {
	var refs []reference
	for _, c := range t.Columns {
		if c.References == "" {
			continue
		}
		parent, _ := contract.Lookup(c.References)
		pn := namesFor(parent.Name)
		refs = append(refs, reference{checkData: data, Column: c.Name, Parent: parent.Name, ParentKey: parent.Key[0],
			ParentLoaded: pn.Loaded, ParentRejected: pn.Rejected, Self: parent.Name == t.Name})
	}
	return refs
}

// probeArgs are suspects.sql's data: the one-pass way's checks over the
// rows written.
type probeArgs struct {
	checkData
	Key      []string
	CheckKey bool // whether a key repeats is asked
	// SelfColumn is the reference within the table, if any.
	SelfColumn string
	Refs       []reference
	Rule       string // sql/probe_rules/<table>.sql, rendered; empty if none
}

// storedScans lets filters be pushed into scans (and joins: the source of
// the loaded views) for the queries that read stored rows rather than the
// typed view — suspects.sql; it returns the restore.
func (l *loader) storedScans(ctx context.Context) (func(), error) {
	return warehouse.Override(ctx, l.conn, warehouse.Setting{Name: "disabled_optimizers", Scope: "global", Remove: "filter_pushdown"})
}

// probeData is suspects.sql's: the key, the references (a reference within the
// table is checked against the rows written) and the table's rule in its
// probe form.
func probeData(data checkData, t *contract.Table, checkKey bool) (probeArgs, error) {
	args := probeArgs{checkData: data, Key: t.Key, CheckKey: checkKey}
	args.Refs = references(data, t)
	if _, err := fs.Stat(sqlFS, "sql/probe_rules/"+t.Name+".sql"); err == nil {
		rule, err := render("probe_rules/"+t.Name+".sql", nil)
		if err != nil {
			return args, err
		}
		args.Rule = "(" + strings.TrimSpace(rule) + ")"
	}
	return args, nil
}

// rules runs the key, reference and table rules of one file the exact way,
// appending to its problems table; with data.AnyBad the rows with a cell
// problem are left out.
func (l *loader) rules(ctx context.Context, run func(string, any) (int64, error), data checkData, t *contract.Table) error {
	data.AnyProblem = data.AnyBad
	dup := struct {
		checkData
		Key []string
	}{data, t.Key}
	var repeats bool
	if err := queryRowSQL(ctx, l.conn, "duplicate_probe.sql", dup, &repeats); err != nil {
		return err
	}
	if repeats {
		if _, err := run("rule_duplicate.sql", dup); err != nil {
			return err
		}
	}
	for _, r := range references(data, t) {
		if r.Self {
			continue
		}
		if err := l.rejectedKeys(ctx, r.Parent); err != nil {
			return err
		}
		if _, err := run("rule_reference.sql", r); err != nil {
			return err
		}
	}
	return l.tableRules(ctx, run, data, t)
}

// tableRules runs the rules of sql/rules/<table>.sql and, last, a reference
// within the table (sips.restart_of), against the rows that pass everything
// else.
func (l *loader) tableRules(ctx context.Context, run func(string, any) (int64, error), data checkData, t *contract.Table) error {
	data.AnyProblem = data.AnyBad
	if _, err := l.tableRule(ctx, run, data, t); err != nil {
		return err
	}
	for _, r := range references(data, t) {
		if !r.Self {
			continue
		}
		var err error
		if r.AnyProblem, err = l.anyProblem(ctx, data.names); err != nil {
			return err
		}
		if _, err := run("rule_reference.sql", r); err != nil {
			return err
		}
	}
	return nil
}

// tableRule runs sql/rules/<table>.sql, if the table has one, appending to
// the problems table; it says whether it ran.
func (l *loader) tableRule(ctx context.Context, run func(string, any) (int64, error), data checkData, t *contract.Table) (bool, error) {
	if !hasTableRule(t) {
		return false, nil
	}
	_, err := run("rules/"+t.Name+".sql", data)
	return true, err
}

// rejectedKeys makes sure the table of a parent's rejected keys exists,
// empty when the parent had no rejected row (or was not delivered).
func (l *loader) rejectedKeys(ctx context.Context, parent string) error {
	if l.rejectedMade[parent] {
		return nil
	}
	if _, err := execSQL(ctx, l.conn, "rejected_keys_empty.sql", namesFor(parent), nil); err != nil {
		return err
	}
	l.rejectedMade[parent] = true
	return nil
}

// hasTableRule says whether the table has a rule of its own
// (sql/rules/<table>.sql).
func hasTableRule(t *contract.Table) bool {
	_, err := fs.Stat(sqlFS, "sql/rules/"+t.Name+".sql")
	return err == nil
}

// rowsRead counts the input rows of a file: the prescan's count of a CSV
// file read where used, when it has one; else DuckDB's count of the rows as
// staged or read.
func (l *loader) rowsRead(ctx context.Context, sf *stagedFile) (int64, error) {
	if !sf.n.Staged && sf.f.Format == formatCSV && sf.f.Scan.RowsKnown {
		return sf.f.Scan.Rows, nil
	}
	var n int64
	t0, c0 := time.Now(), cpu.Time()
	err := queryRowSQL(ctx, l.conn, "count_rows.sql", sf.n, &n)
	l.log.Debug("sql", "file", "count_rows.sql", "table", sf.n.Table, "elapsed", time.Since(t0), "cpu", cpu.Time()-c0)
	return n, err
}

// anyProblem reports whether the problems table of a file has a row.
func (l *loader) anyProblem(ctx context.Context, n names) (bool, error) {
	rows, err := querySQL(ctx, l.conn, "any_problem.sql", n, nil)
	if err != nil {
		return false, err
	}
	any := false
	for rows.Next() {
		if err := rows.Scan(&any); err != nil {
			rows.Close()
			return false, err
		}
	}
	return any, errors.Join(rows.Err(), rows.Close())
}
