package warehouse

import (
	"context"
	"fmt"
	"strings"
)

// Setting is a temporary change of one DuckDB setting (see Override).
type Setting struct {
	// Name is the DuckDB setting, a constant of the caller's.
	Name string
	// Scope is "session", "global" or empty for the default scope of SET.
	// Some settings exist only for the whole database instance.
	Scope string
	// Value is the new value; unused when Add or Remove is set.
	Value string
	// Add is a name added, once, to the setting's comma-separated list
	// (e.g. fsst to disabled_compression_methods).
	Add string
	// Remove is a name taken out of the setting's comma-separated list.
	Remove string
}

// Override changes settings on q, in order, and returns the function that
// puts every previous value back (in reverse order, also when ctx was
// cancelled). On an error nothing stays changed. Values are quoted as SQL
// literals; SET takes no parameters.
func Override(ctx context.Context, q Querier, settings ...Setting) (func(), error) {
	var undo []func()
	restore := func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	for _, s := range settings {
		var prev string
		if err := q.QueryRowContext(ctx, "select cast(current_setting("+quoteLiteral(s.Name)+") as varchar)").Scan(&prev); err != nil {
			restore()
			return nil, fmt.Errorf("read %s: %w", s.Name, err)
		}
		value := s.Value
		switch {
		case s.Add != "":
			value = withName(prev, s.Add)
		case s.Remove != "":
			value = withoutName(prev, s.Remove)
		}
		if err := set(ctx, q, s, value); err != nil {
			restore()
			return nil, err
		}
		undo = append(undo, func() { set(context.WithoutCancel(ctx), q, s, prev) })
	}
	return restore, nil
}

func set(ctx context.Context, q Querier, s Setting, value string) error {
	stmt := "set "
	if s.Scope != "" {
		stmt += s.Scope + " "
	}
	if _, err := q.ExecContext(ctx, stmt+s.Name+" = "+quoteLiteral(value)); err != nil {
		return fmt.Errorf("set %s: %w", s.Name, err)
	}
	return nil
}

// withName adds name to a comma-separated list of names, once.
func withName(list, name string) string {
	return strings.Join(append([]string{name}, others(list, name)...), ",")
}

// withoutName takes name out of a comma-separated list of names.
func withoutName(list, name string) string {
	return strings.Join(others(list, name), ",")
}

// others lists the names of a comma-separated list other than name.
func others(list, name string) []string {
	var out []string
	for _, o := range strings.Split(list, ",") {
		if o = strings.TrimSpace(o); o != "" && !strings.EqualFold(o, name) {
			out = append(out, o)
		}
	}
	return out
}

func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
