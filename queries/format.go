package queries

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/jedib0t/go-pretty/v6/table"
	ptext "github.com/jedib0t/go-pretty/v6/text"
	"github.com/xuri/excelize/v2"
)

// Format is an output format of query results.
type Format string

const (
	FormatTable   Format = "table"
	FormatCSV     Format = "csv"
	FormatJSON    Format = "json"
	FormatXLSX    Format = "xlsx"
	FormatParquet Format = "parquet"
)

// Formats lists the output formats, for --format's help text.
var Formats = []Format{FormatTable, FormatCSV, FormatJSON, FormatXLSX, FormatParquet}

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("format %q: want one of %s", s, strings.Join(names, ", "))
}

// Binary reports whether the format is not text (xlsx, parquet), so a CLI
// can refuse to write it to a terminal.
func (f Format) Binary() bool { return f == FormatXLSX || f == FormatParquet }

// suppressMark is what a suppressed cell shows in every text format.
const suppressMark = ".."

// WriteRows writes rows held in memory in format f, the way query results
// are written: each value is nil, Hidden or the Go type of its field's Kind
// (a string is written as it is in any text column). It returns the number
// of rows.
func WriteRows(w io.Writer, f Format, fields []Field, rows [][]any) (int64, error) {
	return write(w, f, &bufferedRows{cols: fields, rows: rows})
}

// write streams src to w in format f and returns the number of rows.
// CSV, JSON and Parquet hold one row (Parquet one batch) at a time; the
// table format and XLSX build their document as they go (XLSX spills to temp
// files beyond 16 MB).
func write(w io.Writer, f Format, src rowSource) (int64, error) {
	switch f {
	case FormatTable, "":
		return writeTable(w, src)
	case FormatCSV:
		return writeCSV(w, src)
	case FormatJSON:
		return writeJSON(w, src)
	case FormatXLSX:
		return writeXLSX(w, src)
	case FormatParquet:
		return writeParquet(w, src)
	}
	return 0, fmt.Errorf("format %q: want one of table, csv, json, xlsx, parquet", f)
}

func writeTable(w io.Writer, src rowSource) (int64, error) {
	cols := src.Columns()
	t := table.NewWriter()
	style := table.StyleLight
	// Column names are identifiers the analyst types again: keep their case.
	style.Format.Header = ptext.FormatDefault
	t.SetStyle(style)
	header := make(table.Row, len(cols))
	configs := make([]table.ColumnConfig, len(cols))
	for i, c := range cols {
		header[i] = c.Name
		configs[i] = table.ColumnConfig{Number: i + 1, AlignHeader: ptext.AlignLeft, WidthMax: c.MaxWidth}
		if c.Kind.numeric() {
			configs[i].Align = ptext.AlignRight
		}
	}
	t.AppendHeader(header)
	t.SetColumnConfigs(configs)
	n, err := each(src, func(_ int64, r []any) error {
		row := make(table.Row, len(r))
		for i, v := range r {
			row[i] = text(v, cols[i].Kind)
		}
		t.AppendRow(row)
		return nil
	})
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(w, t.Render()+"\n")
	return n, err
}

func writeCSV(w io.Writer, src rowSource) (int64, error) {
	cols := src.Columns()
	cw := csv.NewWriter(w)
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.Name
	}
	if err := cw.Write(rec); err != nil {
		return 0, err
	}
	n, err := each(src, func(_ int64, r []any) error {
		for i, v := range r {
			rec[i] = text(v, cols[i].Kind)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// writeJSON writes an array of objects, one object per line, keys in column
// order. Dates are "YYYY-MM-DD" strings; a suppressed cell is the string "..";
// NaN and infinities, which JSON cannot carry, are null.
func writeJSON(w io.Writer, src rowSource) (int64, error) {
	cols := src.Columns()
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		b, err := json.Marshal(c.Name)
		if err != nil {
			return 0, err
		}
		keys[i] = b
	}
	bw.WriteString("[")
	n, err := each(src, func(n int64, r []any) error {
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n{")
		for i, v := range r {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.Write(keys[i])
			bw.WriteString(":")
			b, err := jsonValue(v, cols[i].Kind)
			if err != nil {
				return fmt.Errorf("column %s: %w", cols[i].Name, err)
			}
			bw.Write(b)
		}
		bw.WriteString("}")
		return nil
	})
	if err != nil {
		return n, err
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return n, bw.Flush()
}

func jsonValue(v any, k Kind) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return []byte("null"), nil
	case Hidden:
		return json.Marshal(suppressMark)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return []byte("null"), nil
		}
		return json.Marshal(x)
	case time.Time:
		return json.Marshal(text(x, k))
	}
	return json.Marshal(v)
}

// writeXLSX writes one sheet with a bold header row; numbers are number
// cells, dates are date cells formatted yyyy-mm-dd, a suppressed cell is the
// text "..".
func writeXLSX(w io.Writer, src rowSource) (int64, error) {
	cols := src.Columns()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Resultat"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return 0, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return 0, err
	}
	dateFmt := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return 0, err
	}
	tsFmt := "yyyy-mm-dd hh:mm:ss"
	tsStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &tsFmt})
	if err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	// Column widths must be set before the first row (excelize's rule).
	for i, c := range cols {
		width := float64(len(c.Name)) + 2
		if c.Kind == KindDate {
			width = max(width, 12)
		}
		if err := sw.SetColWidth(i+1, i+1, min(max(width, 8), 60)); err != nil {
			return 0, err
		}
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: bold, Value: c.Name}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{StyleID: bold}); err != nil {
		return 0, err
	}
	row := make([]any, len(cols))
	n, err := each(src, func(n int64, r []any) error {
		for i, v := range r {
			switch x := v.(type) {
			case Hidden:
				row[i] = suppressMark
			case float64:
				if math.IsNaN(x) || math.IsInf(x, 0) {
					row[i] = nil
				} else {
					row[i] = x
				}
			case time.Time:
				style := dateStyle
				if cols[i].Kind == KindTimestamp {
					style = tsStyle
				}
				row[i] = excelize.Cell{StyleID: style, Value: x}
			default:
				row[i] = x
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, int(n)+2)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, row)
	})
	if err != nil {
		return n, err
	}
	if err := sw.Flush(); err != nil {
		return n, err
	}
	return n, f.Write(w)
}

// parquetBatch is the number of rows per Parquet row group.
const parquetBatch = 64 * 1024

// writeParquet writes the rows through arrow-go's pqarrow, one row group per
// batch. Column types follow DuckDB's: integers INT64, decimals and doubles
// DOUBLE, DATE date32, timestamps microseconds. A suppressed cell is null,
// since a numeric Parquet column cannot hold "..".
func writeParquet(w io.Writer, src rowSource) (int64, error) {
	cols := src.Columns()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		var t arrow.DataType
		switch c.Kind {
		case KindInt:
			t = arrow.PrimitiveTypes.Int64
		case KindFloat:
			t = arrow.PrimitiveTypes.Float64
		case KindBool:
			t = arrow.FixedWidthTypes.Boolean
		case KindDate:
			t = arrow.FixedWidthTypes.Date32
		case KindTimestamp:
			t = &arrow.TimestampType{Unit: arrow.Microsecond}
		default:
			t = arrow.BinaryTypes.String
		}
		fields[i] = arrow.Field{Name: c.Name, Type: t, Nullable: true}
	}
	schema := arrow.NewSchema(fields, nil)
	props := parquet.NewWriterProperties(parquet.WithCompression(compress.Codecs.Zstd))
	// The caller owns w: hide any Close method so pqarrow's Close does not
	// close a file or stdout it did not open.
	pw, err := pqarrow.NewFileWriter(schema, struct{ io.Writer }{w}, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return 0, err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	pending := 0
	flush := func() error {
		if pending == 0 {
			return nil
		}
		rec := b.NewRecordBatch()
		defer rec.Release()
		pending = 0
		return pw.Write(rec)
	}
	n, err := each(src, func(_ int64, r []any) error {
		for i, v := range r {
			appendArrow(b.Field(i), v)
		}
		if pending++; pending == parquetBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		pw.Close()
		return n, err
	}
	return n, pw.Close()
}

func appendArrow(fb array.Builder, v any) {
	switch v.(type) {
	case nil, Hidden:
		fb.AppendNull()
		return
	}
	switch b := fb.(type) {
	case *array.Int64Builder:
		b.Append(v.(int64))
	case *array.Float64Builder:
		b.Append(v.(float64))
	case *array.BooleanBuilder:
		b.Append(v.(bool))
	case *array.Date32Builder:
		b.Append(arrow.Date32FromTime(v.(time.Time)))
	case *array.TimestampBuilder:
		b.Append(arrow.Timestamp(v.(time.Time).UnixMicro()))
	case *array.StringBuilder:
		b.Append(text(v, KindString))
	}
}
