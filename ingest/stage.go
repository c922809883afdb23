package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// names are the working tables of one contract table during a load. They are
// temporary (this connection only) and dropped before commit.
type names struct {
	Table       string
	File        string // the table read_csv/read_parquet filled
	Stage       string // the staged rows with __line: a view over File, or an Arrow-filled table
	StageIsView bool
	Direct      string // a UTF-8 CSV file read where used, not staged (__line null)
	Staged      bool   // Stage exists; else the rows are read from Direct
	Rows        string // where the rows are read: Stage or Direct
	NoTrim      bool   // no cell starts or ends with a space (a CSV file's prescan)
	View        string // the Arrow view, read once
	Typed       string // view: the contract columns trimmed and typed
	Problems    string // one row per problem (line, column, reason)
	Bad         string // the lines with a cell problem
	Loaded      string // view: the rows loaded into raw.<table> in this load
	Rejected    string // the keys of rejected rows, for cascade reasons
	Breaks      string // line breaks inside quoted cells of a staged CSV file
	Suspects    string // the keys whose written rows the one-pass way takes back
	Taken       string // the input rows taken back, with their lines (stage_taken.sql)
	// GoProblems: the staged rows carry the cell problems found while
	// parsing them in Go (__problem_column, __problem_reason).
	GoProblems bool
}

func namesFor(table string) names {
	return names{
		Table:    table,
		File:     "ingest_file_" + table,
		Stage:    "ingest_stage_" + table,
		Direct:   "ingest_direct_" + table,
		View:     "ingest_arrow_" + table,
		Typed:    "ingest_typed_" + table,
		Problems: "ingest_problems_" + table,
		Bad:      "ingest_bad_" + table,
		Loaded:   "ingest_loaded_" + table,
		Rejected: "ingest_rejected_" + table,
		Breaks:   "ingest_breaks_" + table,
		Suspects: "ingest_suspects_" + table,
		Taken:    "ingest_taken_" + table,
	}
}

// batchRows is how many rows one Arrow record batch carries.
const batchRows = 64 << 10

// open makes the rows of one input file readable: a UTF-8 CSV file through
// a view that reads it where used (staged later only if it has a problem),
// any other file staged at once.
func open(ctx context.Context, conn *sql.Conn, f *inputFile, n *names, warn func(string)) error {
	if f.Format == formatCSV && !f.GoRead {
		data := struct {
			*names
			Path, Delimiter string
			Columns         []string
		}{n, f.Path, f.Delimiter, csvColumns(f)}
		if _, err := execSQL(ctx, conn, "direct_csv.sql", data, nil); err != nil {
			return csvReadError(f, err)
		}
		n.Rows = n.Direct
		return nil
	}
	return stage(ctx, conn, f, n, warn)
}

// csvColumns names the columns of a CSV file by its header (columnN for a
// blank one).
func csvColumns(f *inputFile) []string {
	cols := make([]string, len(f.Header))
	for i, h := range f.Header {
		cols[i] = h
		if strings.TrimSpace(h) == "" {
			cols[i] = fmt.Sprintf("column%d", i+1)
		}
	}
	return cols
}

// stage reads one input file into a temporary table of text columns with the
// file's line numbers. UTF-8 CSV and Parquet are read by DuckDB itself; data
// parsed in Go (transcoded CSV, XLSX) reaches DuckDB as an Arrow stream.
func stage(ctx context.Context, conn *sql.Conn, f *inputFile, n *names, warn func(string)) error {
	if n.Staged {
		return nil
	}
	n.Staged = true
	n.Rows = n.Stage
	if f.Format == formatParquet || f.Format == formatCSV && !f.GoRead {
		// The line numbers of a file DuckDB reads are its rows' positions
		// in the staged table (rowid): that holds only while DuckDB keeps
		// the insertion order, which validation turns off. Without it a
		// parallel read of a file larger than a few of read_csv's buffers
		// (about 8 MB) stores its pieces in any order, and a reject named
		// a line of another row.
		restore, err := warehouse.Override(ctx, conn,
			warehouse.Setting{Name: "preserve_insertion_order", Scope: "session", Value: "true"})
		if err != nil {
			return err
		}
		defer restore()
	}
	switch {
	case f.Format == formatCSV && !f.GoRead:
		n.StageIsView = true
		// Line numbers count the line breaks inside quoted cells.
		records, shifts := breakShifts(f.Scan.LineBreaks)
		data := struct {
			*names
			Path, Delimiter string
			Columns         []string
			HasBreaks       bool
		}{n, f.Path, f.Delimiter, csvColumns(f), len(records) > 0}
		_, err := execSQL(ctx, conn, "stage_csv.sql", data, map[string]any{"break_records": records, "break_shifts": shifts})
		if err != nil {
			return csvReadError(f, err)
		}
		return nil
	case f.Format == formatParquet:
		n.StageIsView = true
		_, err := execSQL(ctx, conn, "stage_parquet.sql", n, map[string]any{"path": f.Path})
		if err != nil {
			return parquetReadError(f, err)
		}
		return checkParquetTypes(ctx, conn, f, n)
	case f.Format == formatCSV:
		src, err := newGoCSVRows(f)
		if err != nil {
			return err
		}
		defer src.Close()
		return stageArrow(ctx, conn, f, n, src)
	case f.Format == formatXLSX:
		src, err := newXLSXRows(f, warn)
		if err != nil {
			return err
		}
		defer src.Close()
		return stageArrow(ctx, conn, f, n, src)
	}
	return fmt.Errorf("%s: unsupported format %s", f.Name, f.Format)
}

// stageArrow streams rows parsed in Go into DuckDB: RegisterView, then one
// CREATE TABLE AS. The view can be read only once and must be dropped before
// it is released (shared/notes/libraries.md).
//
// DuckDB's Arrow scan (duckdb_arrow_scan) makes a persistent view in the
// connection's current database: in the database file it would be written
// to the WAL, and a load killed while staging left it behind for good (a
// later export died on it). So the view is made in an in-memory database
// attached for the moment (arrowCatalog) and made current meanwhile;
// nothing of it reaches the file, and a kill takes it along.
func stageArrow(ctx context.Context, conn *sql.Conn, f *inputFile, n *names, src rowSource) error {
	n.GoProblems = true
	reader := newStreamReader(ctx, f.Header, src)
	defer reader.Release()
	ctas, err := render("stage_arrow.sql", n)
	if err != nil {
		return err
	}
	drop, err := render("drop_arrow_view.sql", n)
	if err != nil {
		return err
	}
	back, err := useArrowCatalog(ctx, conn)
	if err != nil {
		return fmt.Errorf("%s: %w", f.where(), err)
	}
	err = conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		release, err := ar.RegisterView(reader, n.View)
		if err != nil {
			return err
		}
		defer release()
		ex := dc.(driver.ExecerContext)
		_, qerr := ex.ExecContext(ctx, ctas, nil)
		_, derr := ex.ExecContext(context.WithoutCancel(ctx), drop, nil)
		return errors.Join(qerr, derr)
	})
	err = errors.Join(err, back())
	if rerr := reader.Err(); rerr != nil {
		return rerr
	}
	if err != nil {
		return fmt.Errorf("%s: staging the parsed rows: %w", f.where(), err)
	}
	return nil
}

// arrowCatalogSeq numbers the in-memory databases of stageArrow (attached
// databases are shared by the process's connections).
var arrowCatalogSeq atomic.Int64

// useArrowCatalog attaches a fresh in-memory database and makes it the
// connection's current one; the function returned makes the previous one
// current again and detaches it.
func useArrowCatalog(ctx context.Context, conn *sql.Conn) (func() error, error) {
	var prev string
	if err := conn.QueryRowContext(ctx, "select current_database()").Scan(&prev); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("ingest_arrow_%d_%d", os.Getpid(), arrowCatalogSeq.Add(1))
	if _, err := conn.ExecContext(ctx, "attach ':memory:' as "+warehouse.QuoteIdent(name)); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "use "+warehouse.QuoteIdent(name)); err != nil {
		conn.ExecContext(context.WithoutCancel(ctx), "detach "+warehouse.QuoteIdent(name))
		return nil, err
	}
	return func() error {
		ctx := context.WithoutCancel(ctx)
		_, uerr := conn.ExecContext(ctx, "use "+warehouse.QuoteIdent(prev))
		_, derr := conn.ExecContext(ctx, "detach "+warehouse.QuoteIdent(name))
		return errors.Join(uerr, derr)
	}, nil
}

// rowSource yields the data rows of a file parsed in Go, each with its line
// (CSV) or sheet row (XLSX) number; io.EOF ends it.
type rowSource interface {
	Next() (line int64, cells []string, err error)
	Close() error
}

// problemSource is a rowSource that finds a problem of a row while parsing
// it (a workbook's formula without a stored value): Problem names the last
// row's, if any.
type problemSource interface {
	Problem() (column, reason string)
}

// streamReader is an array.RecordReader that builds text batches from a
// rowSource as DuckDB pulls them, so a large file is never held whole.
type streamReader struct {
	refs   atomic.Int64
	ctx    context.Context
	schema *arrow.Schema
	src    rowSource
	cur    arrow.RecordBatch
	err    error
	done   bool
	ncols  int
	names  []string // the columns as messages name them
}

func newStreamReader(ctx context.Context, header []string, src rowSource) *streamReader {
	fields := []arrow.Field{{Name: "__line", Type: arrow.PrimitiveTypes.Int64}}
	names := make([]string, len(header))
	for i, h := range header {
		name := h
		if strings.TrimSpace(name) == "" {
			name = fmt.Sprintf("column%d", i+1)
		}
		names[i] = strings.TrimSpace(name)
		fields = append(fields, arrow.Field{Name: name, Type: arrow.BinaryTypes.String, Nullable: true})
	}
	fields = append(fields,
		arrow.Field{Name: "__problem_column", Type: arrow.BinaryTypes.String, Nullable: true},
		arrow.Field{Name: "__problem_reason", Type: arrow.BinaryTypes.String, Nullable: true})
	r := &streamReader{ctx: ctx, schema: arrow.NewSchema(fields, nil), src: src, ncols: len(header), names: names}
	r.refs.Store(1)
	return r
}

func (r *streamReader) Retain() { r.refs.Add(1) }
func (r *streamReader) Release() {
	if r.refs.Add(-1) == 0 && r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}
func (r *streamReader) Schema() *arrow.Schema          { return r.schema }
func (r *streamReader) RecordBatch() arrow.RecordBatch { return r.cur }
func (r *streamReader) Record() arrow.RecordBatch      { return r.cur }
func (r *streamReader) Err() error                     { return r.err }

func (r *streamReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	if r.done || r.err != nil {
		return false
	}
	if err := r.ctx.Err(); err != nil {
		r.err = err
		return false
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, r.schema)
	defer b.Release()
	lines := b.Field(0).(*array.Int64Builder)
	cols := make([]*array.StringBuilder, r.ncols)
	for i := range cols {
		cols[i] = b.Field(i + 1).(*array.StringBuilder)
	}
	probs := [2]*array.StringBuilder{
		b.Field(r.ncols + 1).(*array.StringBuilder),
		b.Field(r.ncols + 2).(*array.StringBuilder),
	}
	rows := 0
	for rows < batchRows {
		line, cells, err := r.src.Next()
		if err == io.EOF {
			r.done = true
			break
		}
		if err != nil {
			r.err = err
			return false
		}
		lines.Append(line)
		var probCol, probReason string
		if ps, ok := r.src.(problemSource); ok {
			probCol, probReason = ps.Problem()
		}
		for i, c := range cols {
			if i >= len(cells) || cells[i] == "" {
				c.AppendNull()
				continue
			}
			cell, col, reason := checkGoCell(cells[i], r.names[i])
			if reason != "" && probReason == "" {
				probCol, probReason = col, reason
			}
			if cell == "" {
				c.AppendNull()
			} else {
				c.Append(cell)
			}
		}
		if probReason == "" {
			probs[0].AppendNull()
			probs[1].AppendNull()
		} else {
			probs[0].Append(probCol)
			probs[1].Append(probReason)
		}
		rows++
	}
	if rows == 0 {
		return false
	}
	r.cur = b.NewRecordBatch()
	return true
}

// maxCellBytes is the longest cell a load takes (read_csv's longest line,
// so that a file DuckDB reads and one read in Go take the same cells).
const maxCellBytes = maxLineBytes

// checkGoCell checks one cell parsed in Go: a cell with a byte that is not
// UTF-8, or longer than maxCellBytes, is a problem of its row (column,
// reason); the cell is then kept valid (or left out when too long), since
// DuckDB's text is UTF-8. The reason never quotes the cell.
func checkGoCell(cell, column string) (kept, col, reason string) {
	switch {
	case len(cell) > maxCellBytes:
		return "", column, fmt.Sprintf("the value is %.1f MiB long (at most %d MiB)", float64(len(cell))/(1<<20), maxCellBytes>>20)
	case !utf8.ValidString(cell):
		return strings.ToValidUTF8(cell, "\uFFFD"), column, "invalid UTF-8 byte in column " + column
	}
	return cell, "", ""
}

// goCSVRows reads a CSV file in Go (encoding/csv): a Windows-1252 file
// through a streaming transcoder, a UTF-8 file DuckDB cannot read whole (an
// invalid byte, a very long line) as it is; streamReader then turns each
// such cell into a cell problem of its row.
type goCSVRows struct {
	f    *inputFile
	fh   *os.File
	r    *csv.Reader
	read bool
}

func newGoCSVRows(f *inputFile) (*goCSVRows, error) {
	fh, err := os.Open(f.Path)
	if err != nil {
		return nil, err
	}
	var in io.Reader = fh
	if f.Encoding == encCP1252 {
		in = transform.NewReader(fh, charmap.Windows1252.NewDecoder())
	}
	r := csv.NewReader(in)
	r.Comma = rune(f.Delimiter[0])
	r.FieldsPerRecord = len(f.Header)
	r.ReuseRecord = true
	return &goCSVRows{f: f, fh: fh, r: r}, nil
}

func (c *goCSVRows) Next() (int64, []string, error) {
	if !c.read {
		c.read = true
		if _, err := c.r.Read(); err != nil {
			return 0, nil, c.wrap(err)
		}
	}
	rec, err := c.r.Read()
	if err != nil {
		return 0, nil, c.wrap(err)
	}
	line, _ := c.r.FieldPos(0)
	return int64(line), rec, nil
}

func (c *goCSVRows) wrap(err error) error {
	if err == io.EOF {
		return err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return fmt.Errorf("%s:%d: the row has a different number of fields than the header (%d)", c.f.Name, pe.Line, len(c.f.Header))
		}
		return fmt.Errorf("%s:%d: column %d: %w", c.f.Name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("read %s: %w", c.f.Name, err)
}

func (c *goCSVRows) Close() error { return c.fh.Close() }

// xlsxRows reads one sheet of the workbook; in date columns, Excel date
// cells become YYYY-MM-DD (xlsxCellText). Empty rows are skipped.
type xlsxRows struct {
	f        *inputFile
	wb       *excelize.File
	rows     *excelize.Rows
	isDate   []bool
	date1904 bool
	row      int64
	warn     func(string)
	warned   bool
	required []bool
	// the type rule's tally of the typed contract columns (xlsx_types.go):
	// non-empty cells, and cells whose value passes the type check.
	typed         []*contract.Column
	nonEmpty, fit []int64
	// the problem of the last row (see problemSource)
	probCol, probReason string
}

func (x *xlsxRows) Problem() (string, string) { return x.probCol, x.probReason }

func newXLSXRows(f *inputFile, warn func(string)) (*xlsxRows, error) {
	wb, err := excelize.OpenFile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	props, err := wb.GetWorkbookProps()
	if err != nil {
		wb.Close()
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	rows, err := wb.Rows(f.Sheet)
	if err != nil {
		wb.Close()
		return nil, fmt.Errorf("%s: %w", f.where(), err)
	}
	n := len(f.Header)
	x := &xlsxRows{f: f, wb: wb, rows: rows, warn: warn, isDate: make([]bool, n), required: make([]bool, n),
		typed: make([]*contract.Column, n), nonEmpty: make([]int64, n), fit: make([]int64, n)}
	if props.Date1904 != nil {
		x.date1904 = *props.Date1904
	}
	for i, h := range f.Header {
		if c, ok := f.Table.Column(normName(h)); ok {
			x.isDate[i] = c.Type == contract.TypeDate
			x.required[i] = c.Required
			if typedColumn(c.Type) {
				x.typed[i] = c
			}
		}
	}
	// A column whose cells' form contradicts its type in every cell stops
	// the load before any row is read.
	if err := xlsxFormProbe(f, wb); err != nil {
		rows.Close()
		wb.Close()
		return nil, err
	}
	if !rows.Next() { // the header row, read already by scanExtract
		return nil, fmt.Errorf("%s: the sheet has no header row", f.where())
	}
	x.row = 1
	return x, nil
}

func (x *xlsxRows) Next() (int64, []string, error) {
	for x.rows.Next() {
		x.row++
		cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, nil, fmt.Errorf("%s:%d: %w", x.f.where(), x.row, err)
		}
		empty := true
		for i, c := range cells {
			if strings.TrimSpace(c) == "" {
				continue
			}
			empty = false
			if i >= len(x.isDate) {
				// Cells right of the header are not loaded, but a personal
				// number there still refuses the extract.
				if containsPersonalNumber(c) {
					return 0, nil, privacyError(x.f.where(), x.f.Table.Name, x.row, fmt.Sprintf("%d (right of the header)", i+1))
				}
				if !x.warned {
					x.warned = true
					x.warn(fmt.Sprintf("cells right of the header (from row %d) are not loaded", x.row))
				}
				continue
			}
			cells[i] = xlsxCellText(c, x.isDate[i], x.date1904)
			if x.typed[i] != nil {
				x.nonEmpty[i]++
				if x.fit[i] == 0 && valueFits(x.typed[i].Type, cells[i]) {
					x.fit[i]++
				}
			}
			// The privacy check of a workbook is made here, on the raw and
			// the shown value, before anything is staged.
			if containsPersonalNumber(c) || containsPersonalNumber(cells[i]) {
				return 0, nil, privacyError(x.f.where(), x.f.Table.Name, x.row, strings.TrimSpace(x.f.Header[i]))
			}
		}
		if empty {
			continue
		}
		x.probCol, x.probReason = "", ""
		for i, req := range x.required {
			if !req || i < len(cells) && strings.TrimSpace(cells[i]) != "" {
				continue
			}
			// An empty required cell may be a formula whose value was
			// never computed (a workbook written by a program, not saved
			// in Excel): say so rather than "missing". Only such cells are
			// looked up, so a clean sheet costs nothing.
			axis, _ := excelize.CoordinatesToCellName(i+1, int(x.row))
			if formula, err := x.wb.GetCellFormula(x.f.Sheet, axis); err == nil && formula != "" {
				x.probCol = strings.TrimSpace(x.f.Header[i])
				x.probReason = "the cell is a formula without a stored value (open the workbook in Excel and save it, so its values are computed)"
				break
			}
		}
		return x.row, cells, nil
	}
	if err := x.rows.Error(); err != nil {
		return 0, nil, fmt.Errorf("%s: %w", x.f.where(), err)
	}
	// A typed column none of whose cells' values passes the type check is
	// of the wrong type: the load stops rather than reject every row.
	for i, c := range x.typed {
		if c != nil && x.nonEmpty[i] >= minWrongTypeCells && x.fit[i] == 0 {
			return 0, nil, wrongTypeError(x.f, *c, "values that are not "+typeNoun(c.Type))
		}
	}
	return 0, nil, io.EOF
}

func (x *xlsxRows) Close() error {
	return errors.Join(x.rows.Close(), x.wb.Close())
}

// shortError shows one line while keeping the cause for errors.Is.
type shortError struct {
	msg string
	err error
}

func (e shortError) Error() string { return e.msg }
func (e shortError) Unwrap() error { return e.err }

var (
	duckLine    = regexp.MustCompile(`Line: (\d+)`)
	duckColumns = regexp.MustCompile(`Expected Number of Columns: (\d+) Found: (\d+)`)
)

// csvReadError turns DuckDB's many-line CSV error into one line naming the
// file and line. It never repeats the offending line (DuckDB quotes it), so
// no value of the file reaches the message.
func csvReadError(f *inputFile, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	where := f.Name
	if m := duckLine.FindStringSubmatch(msg); m != nil {
		where += ":" + m[1]
	}
	var what string
	switch {
	case duckColumns.MatchString(msg):
		// DuckDB stops counting at the first field too many.
		m := duckColumns.FindStringSubmatch(msg)
		want, _ := strconv.Atoi(m[1])
		found, _ := strconv.Atoi(m[2])
		what = fmt.Sprintf("the row has %d fields, the header has %d", found, want)
		if found > want {
			what = fmt.Sprintf("the row has more fields than the header (%d)", want)
		}
	case strings.Contains(msg, "unterminated quote"):
		what = "a quoted value is not closed"
	case strings.Contains(msg, "nterrupt"):
		return err
	default:
		what = strings.SplitN(msg, "\n", 2)[0]
	}
	return shortError{fmt.Sprintf("%s: not readable as CSV: %s", where, what), err}
}

// parquetReadError says a Parquet file cannot be read in one line: DuckDB's
// first line without the statement it quotes (internal SQL means nothing to
// the reader of the message).
func parquetReadError(f *inputFile, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	msg := err.Error()
	msg = strings.SplitN(msg, "\n", 2)[0]
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "sql/") {
		msg = msg[i+2:]
	}
	return shortError{fmt.Sprintf("%s: not a readable Parquet file (damaged or cut short?): %s", f.Name, msg), err}
}

// checkParquetTypes stops a load whose Parquet file stores a contract column
// in a type that cannot hold the contract's values (a date column stored as
// a number, a year stored as a date): read row by row, every row would be
// rejected and the source's snapshot replaced by the few left. Text is
// always accepted (checked cell by cell like CSV).
func checkParquetTypes(ctx context.Context, conn *sql.Conn, f *inputFile, n *names) error {
	rows, err := conn.QueryContext(ctx, "select column_name, column_type from (describe "+warehouse.QuoteIdent(n.File)+")")
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	type col struct{ name, typ string }
	var cols []col
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.name, &c.typ); err != nil {
			rows.Close()
			return err
		}
		cols = append(cols, c)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, c := range cols {
		cc, ok := f.Table.Column(normName(c.name))
		if !ok {
			continue
		}
		if want := typeFits(cc.Type, c.typ); want != "" {
			return fmt.Errorf("%s: column %s is stored as %s, but the contract's %s is %s; nothing was loaded",
				f.Name, cc.Name, c.typ, cc.Name, want)
		}
	}
	return nil
}

// typeFits says whether a typed file's column type (DuckDB's name) can hold
// a contract type's values; else what the contract wants.
func typeFits(t contract.Type, sqlType string) string {
	base := strings.ToUpper(sqlType)
	if i := strings.IndexAny(base, "( "); i >= 0 {
		base = base[:i]
	}
	integer := map[string]bool{"TINYINT": true, "SMALLINT": true, "INTEGER": true, "BIGINT": true, "HUGEINT": true,
		"UTINYINT": true, "USMALLINT": true, "UINTEGER": true, "UBIGINT": true, "UHUGEINT": true}
	number := integer[base] || base == "DECIMAL" || base == "DOUBLE" || base == "FLOAT"
	temporal := base == "DATE" || strings.HasPrefix(base, "TIMESTAMP")
	if base == "VARCHAR" {
		return ""
	}
	switch t {
	case contract.TypeDate:
		if !temporal {
			return "a date (want DATE, TIMESTAMP or text YYYY-MM-DD)"
		}
	case contract.TypeInt:
		if !number {
			return "a whole number (want an integer type or text)"
		}
	case contract.TypeBool:
		if base != "BOOLEAN" && !integer[base] {
			return "a yes/no value (want BOOLEAN, 0/1 or text)"
		}
	default:
		if !integer[base] {
			return "text (want VARCHAR)"
		}
	}
	return ""
}
