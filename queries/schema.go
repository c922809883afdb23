package queries

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/schema.sql
var schemaSQL string

// Object is a table or view of the database with its documentation.
type Object struct {
	Schema  string
	Name    string
	Kind    string // "table" or "view"
	Comment string // from COMMENT ON; empty if none
	Columns []Column
}

// Column is one column of an Object.
type Column struct {
	Name     string
	Type     string // DuckDB's type name
	Nullable bool
	Comment  string
}

// DefaultSchemas are what `sipstat schema` documents: the model analysts
// query. staging (views) and raw (loaded rows) can be asked for by name.
var DefaultSchemas = []string{"main"}

// Describe returns the tables and views of the given schemas (DefaultSchemas
// when none), sorted by schema and name, with their columns in order.
func Describe(ctx context.Context, q warehouse.Querier, schemas ...string) ([]Object, error) {
	if len(schemas) == 0 {
		schemas = DefaultSchemas
	}
	rows, err := q.QueryContext(ctx, schemaSQL, sql.Named("schemas", strings.Join(schemas, ",")))
	if err != nil {
		return nil, fmt.Errorf("queries/sql/schema.sql: %w", err)
	}
	defer rows.Close()
	var out []Object
	for rows.Next() {
		var o Object
		var c Column
		if err := rows.Scan(&o.Schema, &o.Name, &o.Kind, &o.Comment, &c.Name, &c.Type, &c.Nullable, &c.Comment); err != nil {
			return nil, fmt.Errorf("queries/sql/schema.sql: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].Schema != o.Schema || out[n-1].Name != o.Name {
			out = append(out, o)
		}
		last := &out[len(out)-1]
		last.Columns = append(last.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("queries/sql/schema.sql: %w", err)
	}
	return out, nil
}

// WriteSchemaMarkdown prints objects as Markdown: a contents list, then one
// section per table or view with its comment and a column table.
func WriteSchemaMarkdown(w io.Writer, objects []Object) error {
	var b strings.Builder
	b.WriteString("# The sipstat database model\n\n")
	b.WriteString("Generated from the database's own comments (`COMMENT ON`, written by\n")
	b.WriteString("`transform/sql/docs`) by `sipstat schema`; do not edit by hand.\n")
	b.WriteString("Swedish terms are given in the comments. Codes are the English codes of the\n")
	b.WriteString("data contract; `ref_codes` has their Swedish labels.\n\n")
	b.WriteString("| table | kind | description |\n|---|---|---|\n")
	for _, o := range objects {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", qualified(o), anchor(o), o.Kind, mdCell(firstSentence(o.Comment)))
	}
	for _, o := range objects {
		fmt.Fprintf(&b, "\n## %s\n\n", qualified(o))
		if o.Comment != "" {
			fmt.Fprintf(&b, "%s\n\n", o.Comment)
		}
		fmt.Fprintf(&b, "%s, %d columns.\n\n", strings.ToUpper(o.Kind[:1])+o.Kind[1:], len(o.Columns))
		b.WriteString("| column | type | null | description |\n|---|---|---|---|\n")
		for _, c := range o.Columns {
			null := "yes"
			if !c.Nullable {
				null = "no"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.Name, c.Type, null, mdCell(c.Comment))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSchema is `sipstat schema`: Describe, then WriteSchemaMarkdown.
func WriteSchema(ctx context.Context, q warehouse.Querier, w io.Writer, schemas ...string) error {
	objs, err := Describe(ctx, q, schemas...)
	if err != nil {
		return err
	}
	return WriteSchemaMarkdown(w, objs)
}

func qualified(o Object) string {
	if o.Schema == "main" {
		return o.Name
	}
	return o.Schema + "." + o.Name
}

// anchor is the GitHub-style heading anchor of an object's section.
func anchor(o Object) string {
	return strings.ReplaceAll(strings.ToLower(qualified(o)), ".", "")
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
