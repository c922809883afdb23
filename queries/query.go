// Package queries is the analysts' side of the database: named ad hoc SQL
// queries the team shares (named/*.sql), running them or any SELECT with
// bound parameters into table, CSV, JSON, XLSX or Parquet output, optional
// small-number suppression for publication, the documented schema (COMMENT ON
// every table and column, printed as Markdown), Parquet export for BI tools,
// and an interactive SQL shell. It only reads the database.
package queries

import (
	"bufio"
	"bytes"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed named/*.sql
var namedFS embed.FS

// Param is one parameter of a named query, declared in its header as
//
//	-- param: quarters (int, default 8) how many quarters to show
//
// and bound as the named parameter $quarters.
type Param struct {
	Name string
	// Type is one of ParamTypes: string, int, float, bool, date.
	Type string
	// Default is the value used when the caller gives none, as written in
	// the header; "null" binds SQL NULL (the SQL then picks its own fallback,
	// e.g. the extract's as-of date).
	Default     string
	Description string
}

// ParamTypes are the parameter types a query header may declare.
var ParamTypes = []string{"string", "int", "float", "bool", "date"}

// Query is a named query: one .sql file with a header comment.
type Query struct {
	Name        string // the file name without .sql
	File        string // the file it came from, for error messages
	Description string
	Grain       string
	Params      []Param
	// Breakdown lists the columns whose values identify one breakdown of
	// rows for the complement step of suppression: rows with equal values in
	// these columns are the cells of one breakdown whose total is assumed
	// published. Empty means the whole result is one breakdown.
	Breakdown []string
	// Units maps a value column (a share, mean, median …) to the column
	// holding the number of units behind it ("-- suppress: x_share by n_due").
	Units map[string]string
	SQL   string
}

var (
	headerKeyRe = regexp.MustCompile(`^-- ?([a-z]+):\s*(.*)$`)
	paramRe     = regexp.MustCompile(`^([a-z_][a-z0-9_]*)\s*\(\s*([a-z]+)\s*(?:,\s*default\s+([^)]*?))?\s*\)\s*(.*)$`)
	suppressRe  = regexp.MustCompile(`^([a-z_][a-z0-9_]*)\s+by\s+([a-z_][a-z0-9_]*)$`)
	identRe     = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
)

// ParseQuery reads a query file. The header is the leading block of "--"
// comment lines; an entry starts with "-- key: " (description, grain, param,
// breakdown, suppress) and continues on the following comment lines that are
// indented ("--   more text"). description and grain are required.
func ParseQuery(file string, src []byte) (*Query, error) {
	q := &Query{Name: strings.TrimSuffix(path.Base(file), ".sql"), File: file, Units: map[string]string{}}
	type entry struct {
		key, val string
		line     int
	}
	var entries []entry
	sc := bufio.NewScanner(bytes.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimRight(sc.Text(), " \t\r")
		text := strings.TrimSpace(raw)
		if !strings.HasPrefix(text, "--") {
			break
		}
		if m := headerKeyRe.FindStringSubmatch(raw); m != nil {
			entries = append(entries, entry{m[1], strings.TrimSpace(m[2]), line})
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(text, "--"))
		if rest == "" {
			continue
		}
		if len(entries) == 0 {
			return nil, fmt.Errorf("%s:%d: header line before any key (want description:, grain:, param:, breakdown: or suppress:)", file, line)
		}
		entries[len(entries)-1].val += " " + rest
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for _, e := range entries {
		switch e.key {
		case "description":
			q.Description = e.val
		case "grain":
			q.Grain = e.val
		case "param":
			p, err := parseParam(e.val)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: param: %w", file, e.line, err)
			}
			for _, o := range q.Params {
				if o.Name == p.Name {
					return nil, fmt.Errorf("%s:%d: param %s declared twice", file, e.line, p.Name)
				}
			}
			q.Params = append(q.Params, p)
		case "breakdown":
			for _, c := range strings.Split(e.val, ",") {
				c = strings.TrimSpace(c)
				if !identRe.MatchString(c) {
					return nil, fmt.Errorf("%s:%d: breakdown: %q is not a column name", file, e.line, c)
				}
				q.Breakdown = append(q.Breakdown, c)
			}
		case "suppress":
			for _, part := range strings.Split(e.val, ";") {
				m := suppressRe.FindStringSubmatch(strings.TrimSpace(part))
				if m == nil {
					return nil, fmt.Errorf("%s:%d: suppress: want \"<column> by <units column>\", got %q", file, e.line, strings.TrimSpace(part))
				}
				q.Units[m[1]] = m[2]
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown header key %q (want description, grain, param, breakdown or suppress)", file, e.line, e.key)
		}
	}
	if q.Description == "" {
		return nil, fmt.Errorf("%s:1: header has no description:", file)
	}
	if q.Grain == "" {
		return nil, fmt.Errorf("%s:1: header has no grain:", file)
	}
	q.SQL = string(src)
	return q, nil
}

func parseParam(s string) (Param, error) {
	m := paramRe.FindStringSubmatch(s)
	if m == nil {
		return Param{}, fmt.Errorf("want \"name (type, default value) description\", got %q", s)
	}
	p := Param{Name: m[1], Type: m[2], Default: strings.TrimSpace(m[3]), Description: strings.TrimSpace(m[4])}
	if !validType(p.Type) {
		return Param{}, fmt.Errorf("%s: type %q is not one of %s", p.Name, p.Type, strings.Join(ParamTypes, ", "))
	}
	if p.Default == "" {
		return Param{}, fmt.Errorf("%s: no default (write \"default null\" to bind NULL)", p.Name)
	}
	if _, err := p.convert(p.Default); err != nil {
		return Param{}, fmt.Errorf("default: %w", err)
	}
	return p, nil
}

func validType(t string) bool {
	for _, x := range ParamTypes {
		if x == t {
			return true
		}
	}
	return false
}

// convert turns a textual value into the Go value bound for the parameter.
func (p Param) convert(s string) (any, error) {
	if strings.EqualFold(s, "null") {
		return nil, nil
	}
	switch p.Type {
	case "string":
		return s, nil
	case "int":
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not an int", p.Name, s)
		}
		return v, nil
	case "float":
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a number", p.Name, s)
		}
		return v, nil
	case "bool":
		v, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not true or false", p.Name, s)
		}
		return v, nil
	case "date":
		v, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not a date (want YYYY-MM-DD)", p.Name, s)
		}
		return v, nil
	}
	return nil, fmt.Errorf("%s: unknown type %q", p.Name, p.Type)
}

// Args converts the given parameter values (name → text, as from
// --param k=v) into bound arguments: every declared parameter is bound by
// name, to the given value or its default. An unknown name is an error.
func (q *Query) Args(values map[string]string) ([]any, error) {
	for k := range values {
		if _, ok := q.param(k); !ok {
			names := make([]string, len(q.Params))
			for i, p := range q.Params {
				names[i] = p.Name
			}
			if len(names) == 0 {
				return nil, &ParamError{fmt.Errorf("query %s: unknown parameter %q (it takes none)", q.Name, k)}
			}
			return nil, &ParamError{fmt.Errorf("query %s: unknown parameter %q (known: %s)", q.Name, k, strings.Join(names, ", "))}
		}
	}
	args := make([]any, 0, len(q.Params))
	for _, p := range q.Params {
		text, ok := values[p.Name]
		if !ok {
			text = p.Default
		}
		v, err := p.convert(text)
		if err != nil {
			return nil, &ParamError{fmt.Errorf("query %s: parameter %w", q.Name, err)}
		}
		args = append(args, sql.Named(p.Name, v))
	}
	return args, nil
}

func (q *Query) param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ParamError is a parameter the caller got wrong: not name=value, given
// twice, unknown to the query, or a value not of its type. A CLI reports it
// as a usage error (errors.As).
type ParamError struct{ Err error }

func (e *ParamError) Error() string { return e.Err.Error() }
func (e *ParamError) Unwrap() error { return e.Err }

// ParseParams parses "k=v" pairs (the --param flags) into a map.
func ParseParams(pairs []string) (map[string]string, error) {
	out := make(map[string]string, len(pairs))
	for _, kv := range pairs {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, &ParamError{fmt.Errorf("parameter %q: want name=value", kv)}
		}
		if _, dup := out[k]; dup {
			return nil, &ParamError{fmt.Errorf("parameter %s given twice", k)}
		}
		out[k] = v
	}
	return out, nil
}

// List returns the shipped named queries, sorted by name.
func List() ([]*Query, error) {
	return listFS(namedFS, "named")
}

func listFS(fsys fs.FS, dir string) ([]*Query, error) {
	files, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	out := make([]*Query, 0, len(files))
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		q, err := ParseQuery("queries/"+f, src)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// Lookup returns the named query.
func Lookup(name string) (*Query, error) {
	all, err := List()
	if err != nil {
		return nil, err
	}
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(all))
	for i, q := range all {
		names[i] = q.Name
	}
	return nil, fmt.Errorf("no named query %q (sipstat query --list shows: %s)", name, strings.Join(names, ", "))
}
