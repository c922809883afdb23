package warehouse

import (
	"context"
	"path/filepath"
	"testing"
)

func TestOpenFileAndReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.duckdb")
	db, err := Open(ctx, path, Options{Threads: 1, MemoryLimit: "512MB"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "create table "+QuoteIdent(`a"b`)+" (x integer); insert into \"a\"\"b\" values (1)"); err != nil {
		t.Fatal(err)
	}
	var tz string
	if err := db.QueryRowContext(ctx, "select current_setting('TimeZone')").Scan(&tz); err != nil || tz != "UTC" {
		t.Errorf("time zone = %q, %v; want UTC", tz, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var n int
	if err := ro.QueryRowContext(ctx, `select count(*) from "a""b"`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("count = %d, %v", n, err)
	}
	if _, err := ro.ExecContext(ctx, `insert into "a""b" values (2)`); err == nil {
		t.Error("insert into a read-only database succeeded")
	}
	// Computing KPIs for another as-of date on a read-only file needs
	// temporary tables; DuckDB keeps them in memory.
	conn, err := ro.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "create temp table p as select 1 as x"); err != nil {
		t.Errorf("temp table on a read-only database: %v", err)
	}
}
