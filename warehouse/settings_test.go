package warehouse

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestOverrideAndRestore(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, ":memory:", Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	get := func(name string) string {
		var v string
		if err := conn.QueryRowContext(ctx, "select cast(current_setting('"+name+"') as varchar)").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if _, err := conn.ExecContext(ctx, "set disabled_compression_methods = 'rle'"); err != nil {
		t.Fatal(err)
	}
	order, methods := get("preserve_insertion_order"), get("disabled_compression_methods")
	restore, err := Override(ctx, conn,
		Setting{Name: "preserve_insertion_order", Scope: "session", Value: "false"},
		Setting{Name: "disabled_compression_methods", Add: "fsst"},
		Setting{Name: "disabled_compression_methods", Add: "fsst"}, // once only
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := get("preserve_insertion_order"); got != "false" {
		t.Errorf("preserve_insertion_order = %q, want false", got)
	}
	// DuckDB normalises the list (upper case, its own order).
	if got := strings.Split(strings.ToLower(get("disabled_compression_methods")), ","); len(got) != 2 ||
		!slices.Contains(got, "fsst") || !slices.Contains(got, "rle") {
		t.Errorf("disabled_compression_methods = %q, want fsst and rle once each", got)
	}
	// An override within an override: a name taken out, then put back.
	undo, err := Override(ctx, conn, Setting{Name: "disabled_compression_methods", Remove: "FSST"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ToLower(get("disabled_compression_methods")); got != "rle" {
		t.Errorf("with fsst removed, disabled_compression_methods = %q, want rle", got)
	}
	undo()
	if got := strings.Split(strings.ToLower(get("disabled_compression_methods")), ","); len(got) != 2 {
		t.Errorf("after the inner override, disabled_compression_methods = %q, want fsst and rle", got)
	}
	restore()
	if got := get("preserve_insertion_order"); got != order {
		t.Errorf("restored preserve_insertion_order = %q, want %q", got, order)
	}
	if got := get("disabled_compression_methods"); got != methods {
		t.Errorf("restored disabled_compression_methods = %q, want %q", got, methods)
	}
	// A failing setting leaves nothing changed.
	if _, err := Override(ctx, conn,
		Setting{Name: "preserve_insertion_order", Value: "false"},
		Setting{Name: "no_such_setting", Value: "1"},
	); err == nil {
		t.Fatal("an unknown setting did not fail")
	}
	if got := get("preserve_insertion_order"); got != order {
		t.Errorf("after a failed override preserve_insertion_order = %q, want %q", got, order)
	}
}
