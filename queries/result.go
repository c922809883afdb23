package queries

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Kind is how a result column is written: the writers only ever see the Go
// types listed per kind (or nil, or Hidden).
type Kind int

const (
	KindString    Kind = iota // string
	KindInt                   // int64
	KindFloat                 // float64
	KindBool                  // bool
	KindDate                  // time.Time, printed YYYY-MM-DD
	KindTimestamp             // time.Time, printed YYYY-MM-DD HH:MM:SS
)

func (k Kind) numeric() bool { return k == KindInt || k == KindFloat }

// Field is a column of a result: a query's, or rows given to WriteRows.
type Field struct {
	Name   string
	DBType string // DuckDB's type name, e.g. DECIMAL(18,3); empty for WriteRows
	Kind   Kind
	// MaxWidth wraps longer text in the table format (0: no limit).
	MaxWidth int
}

// Hidden is the value of a cell suppressed by the small-number rule: ".."
// in the text formats and XLSX, null in Parquet.
type Hidden struct{}

// rowSource yields normalised rows; Next returns io.EOF after the last row.
type rowSource interface {
	Columns() []Field
	Next() ([]any, error)
}

func kindOf(dbType string) Kind {
	t := strings.ToUpper(dbType)
	switch {
	case t == "BIGINT" || t == "INTEGER" || t == "SMALLINT" || t == "TINYINT" || t == "HUGEINT" ||
		t == "UBIGINT" || t == "UINTEGER" || t == "USMALLINT" || t == "UTINYINT" || t == "UHUGEINT":
		return KindInt
	case t == "DOUBLE" || t == "FLOAT" || t == "REAL" || strings.HasPrefix(t, "DECIMAL"):
		return KindFloat
	case t == "BOOLEAN":
		return KindBool
	case t == "DATE":
		return KindDate
	case strings.HasPrefix(t, "TIMESTAMP"):
		return KindTimestamp
	}
	return KindString
}

// sqlRows adapts *sql.Rows to rowSource, normalising the driver's values.
type sqlRows struct {
	rows *sql.Rows
	cols []Field
	vals []any
	ptrs []any
}

func newSQLRows(rows *sql.Rows) (*sqlRows, error) {
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	s := &sqlRows{rows: rows, cols: make([]Field, len(types))}
	for i, t := range types {
		s.cols[i] = Field{Name: t.Name(), DBType: t.DatabaseTypeName(), Kind: kindOf(t.DatabaseTypeName())}
	}
	s.vals = make([]any, len(types))
	s.ptrs = make([]any, len(types))
	for i := range s.vals {
		s.ptrs[i] = &s.vals[i]
	}
	return s, nil
}

func (s *sqlRows) Columns() []Field { return s.cols }

func (s *sqlRows) Next() ([]any, error) {
	if !s.rows.Next() {
		if err := s.rows.Err(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	if err := s.rows.Scan(s.ptrs...); err != nil {
		return nil, err
	}
	out := make([]any, len(s.vals))
	for i, v := range s.vals {
		out[i] = normalise(v, s.cols[i].Kind)
	}
	return out, nil
}

// normalise maps a driver value onto the Go type of its column's kind.
func normalise(v any, k Kind) any {
	if v == nil {
		return nil
	}
	switch k {
	case KindInt:
		switch x := v.(type) {
		case int64:
			return x
		case int32:
			return int64(x)
		case int16:
			return int64(x)
		case int8:
			return int64(x)
		case int:
			return int64(x)
		case uint64:
			return int64(x)
		case uint32:
			return int64(x)
		case uint16:
			return int64(x)
		case uint8:
			return int64(x)
		case *big.Int:
			return x.Int64()
		}
	case KindFloat:
		switch x := v.(type) {
		case float64:
			return x
		case float32:
			return float64(x)
		case duckdb.Decimal:
			// Decimal.Float64 goes through big.Float; an unscaled value that
			// fits 53 bits divided by an exact power of ten is the same
			// correctly rounded double at a fraction of the cost.
			if x.Value != nil && x.Value.IsInt64() && x.Scale <= 22 {
				if v := x.Value.Int64(); v > -1<<53 && v < 1<<53 {
					return float64(v) / pow10[x.Scale]
				}
			}
			return x.Float64()
		}
	case KindBool:
		if b, ok := v.(bool); ok {
			return b
		}
	case KindDate, KindTimestamp:
		if t, ok := v.(time.Time); ok {
			return t
		}
	}
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case fmt.Stringer:
		return x.String()
	case map[string]any, []any:
		b, err := json.Marshal(x)
		if err == nil {
			return string(b)
		}
	}
	return fmt.Sprint(v)
}

var pow10 = func() (p [23]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// text renders a normalised value for the text formats (table, CSV).
// Dates print as YYYY-MM-DD; NULL as the empty string.
func text(v any, k Kind) string {
	switch x := v.(type) {
	case nil:
		return ""
	case Hidden:
		return suppressMark
	case int64:
		return fmt.Sprint(x)
	case float64:
		return formatFloat(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	case time.Time:
		if k == KindDate {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.DateTime)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	}
	// The shortest representation that reads back to the same float, in
	// plain notation (no exponent, which some CSV readers take for text):
	// no spurious digits, nothing lost.
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// bufferedRows is a rowSource over rows held in memory (after suppression).
type bufferedRows struct {
	cols []Field
	rows [][]any
	i    int
}

func (b *bufferedRows) Columns() []Field { return b.cols }

func (b *bufferedRows) Next() ([]any, error) {
	if b.i >= len(b.rows) {
		return nil, io.EOF
	}
	b.i++
	return b.rows[b.i-1], nil
}

func readAll(src rowSource) ([][]any, error) {
	var out [][]any
	_, err := each(src, func(_ int64, r []any) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// each calls fn with every row of src and its index, and returns how many
// rows fn took: the one loop over a rowSource.
func each(src rowSource, fn func(i int64, row []any) error) (int64, error) {
	var n int64
	for {
		r, err := src.Next()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if err := fn(n, r); err != nil {
			return n, err
		}
		n++
	}
}
