package main

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sipstat/sipstat/contract"
	"github.com/sipstat/sipstat/warehouse"
)

//go:embed load_table.sql
var loadTableSQL string

// Options say which extract to load into which database, and how DuckDB is set up.
type Options struct {
	Dir         string // extract folder with <table>.csv files
	DBPath      string // DuckDB file; ":memory:" for an in-memory database
	Threads     int    // DuckDB threads; 0 = one per core
	MemoryLimit string // DuckDB memory_limit; empty = DuckDB's default
	Source      string // value written to every row's source column
	// SkipBadRows reads with ignore_errors: a row with a value DuckDB cannot
	// type (a flawed extract's 2026-02-30) is left out instead of failing
	// the load.
	SkipBadRows bool
}

// TableResult is one contract table's CSV file loaded.
type TableResult struct {
	Table   string
	File    string
	Rows    int64
	Seconds float64 // the CTAS statement alone
}

// Result is the whole load.
type Result struct {
	Tables  []TableResult
	Seconds float64 // open, every CTAS, commit and close (which checkpoints)
}

// Load creates raw.<table> for every contract table whose CSV file is in the
// extract, in one transaction, as ingest does.
func Load(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	type job struct {
		table *contract.Table
		file  string
		sql   string
		delim string
	}
	var jobs []job
	for i := range contract.Tables {
		t := &contract.Tables[i]
		file := filepath.Join(opt.Dir, t.Name+".csv")
		header, delim, err := readHeader(file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, job{table: t, file: file, sql: statement(t, header, opt.SkipBadRows), delim: delim})
	}
	if len(jobs) == 0 {
		return nil, fmt.Errorf("%s: no <table>.csv file of data contract v%s", opt.Dir, contract.Version)
	}

	db, err := warehouse.Open(ctx, opt.DBPath, warehouse.Options{Threads: opt.Threads, MemoryLimit: opt.MemoryLimit})
	if err != nil {
		return nil, err
	}
	closed := false
	defer func() {
		if !closed {
			db.Close()
		}
	}()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", opt.DBPath, err)
	}
	if _, err := conn.ExecContext(ctx, "begin transaction"); err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			_, _ = conn.ExecContext(context.WithoutCancel(ctx), "rollback")
			conn.Close()
		}
	}()
	if _, err := conn.ExecContext(ctx, "create schema if not exists raw"); err != nil {
		return nil, fmt.Errorf("create schema raw: %w", err)
	}
	res := &Result{}
	for _, j := range jobs {
		t0 := time.Now()
		if _, err := conn.ExecContext(ctx, j.sql, opt.Source, j.file, j.delim); err != nil {
			return nil, fmt.Errorf("load_table.sql for %s: %w", j.file, err)
		}
		var n int64
		if err := conn.QueryRowContext(ctx, "select count(*) from raw."+warehouse.QuoteIdent(j.table.Name)).Scan(&n); err != nil {
			return nil, fmt.Errorf("count raw.%s: %w", j.table.Name, err)
		}
		res.Tables = append(res.Tables, TableResult{Table: j.table.Name, File: j.file, Rows: n, Seconds: time.Since(t0).Seconds()})
	}
	if _, err := conn.ExecContext(ctx, "commit"); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	committed = true
	if err := conn.Close(); err != nil {
		return nil, fmt.Errorf("release connection: %w", err)
	}
	closed = true
	// Close checkpoints the WAL into the file; sipstat load pays for it too.
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("close %s: %w", opt.DBPath, err)
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// readHeader returns the header's column names and the delimiter (, or ;).
func readHeader(path string) ([]string, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	line, err := bufio.NewReaderSize(f, 64<<10).ReadString('\n')
	if err != nil && line == "" {
		return nil, "", fmt.Errorf("%s:1: no header line: %w", path, err)
	}
	line = strings.TrimPrefix(strings.TrimRight(line, "\r\n"), "\ufeff")
	delim := ","
	if !strings.Contains(line, ",") && strings.Contains(line, ";") {
		delim = ";"
	}
	names := strings.Split(line, delim)
	for i, n := range names {
		names[i] = strings.Trim(strings.TrimSpace(n), `"`)
	}
	return names, delim, nil
}

// statement fills load_table.sql for one table: columns in the file's order,
// each with its contract type (VARCHAR for a column outside the contract).
func statement(t *contract.Table, header []string, skipBadRows bool) string {
	fields := make([]string, len(header))
	for i, name := range header {
		typ := "VARCHAR"
		if c, ok := t.Column(name); ok {
			typ = c.Type.SQLType()
		}
		fields[i] = sqlString(name) + ": " + sqlString(typ)
	}
	r := strings.NewReplacer("{{table}}", warehouse.QuoteIdent(t.Name), "{{columns}}", "{"+strings.Join(fields, ", ")+"}",
		"{{ignore_errors}}", fmt.Sprint(skipBadRows))
	return r.Replace(loadTableSQL)
}

// sqlString is an SQL string literal. It is used only for the column names and
// types of the read_csv struct, which cannot be bound as parameters.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
