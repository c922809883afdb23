package sampledata

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// noDate marks an absent (null) date in the generator's day numbers.
const noDate int32 = -1 << 30

// tableWriter streams one contract table to <table>.csv. Rows are built in a
// reused byte slice with strconv.Append* (no fmt in the hot loop) and go
// through a large buffered writer, so memory stays bounded at any size.
type tableWriter struct {
	name  string
	path  string
	f     *os.File
	w     *bufio.Writer
	row   []byte
	rows  int64
	dates *dateCache
}

func newTableWriter(dir, name string, columns []string, dates *dateCache) (*tableWriter, error) {
	path := filepath.Join(dir, name+".csv")
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	tw := &tableWriter{name: name, path: path, f: f, w: bufio.NewWriterSize(f, 256<<10), row: make([]byte, 0, 256), dates: dates}
	if _, err := tw.w.WriteString(strings.Join(columns, ",") + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("write header of %s: %w", path, err)
	}
	return tw, nil
}

// sep starts a new field (every field but the first of a row).
func (t *tableWriter) sep() { t.row = append(t.row, ',') }

// id appends a pseudonym: a letter prefix and a counter, e.g. "S1234".
func (t *tableWriter) id(prefix string, n int64) {
	t.row = append(t.row, prefix...)
	t.row = strconv.AppendInt(t.row, n, 10)
}

// str appends a value known to need no CSV quoting (codes, SCB codes).
func (t *tableWriter) str(s string) { t.row = append(t.row, s...) }

// text appends free-standing text, quoted when it holds a comma, quote or newline.
func (t *tableWriter) text(s string) {
	if !strings.ContainsAny(s, ",\"\n\r") {
		t.row = append(t.row, s...)
		return
	}
	t.row = append(t.row, '"')
	t.row = append(t.row, strings.ReplaceAll(s, `"`, `""`)...)
	t.row = append(t.row, '"')
}

func (t *tableWriter) int(n int64) { t.row = strconv.AppendInt(t.row, n, 10) }

// date appends a day number as YYYY-MM-DD, or nothing for noDate.
func (t *tableWriter) date(d int32) {
	if d == noDate {
		return
	}
	t.row = t.dates.append(t.row, d)
}

// boolean appends true/false; b < 0 is null.
func (t *tableWriter) boolean(b int8) {
	switch {
	case b > 0:
		t.row = append(t.row, "true"...)
	case b == 0:
		t.row = append(t.row, "false"...)
	}
}

// end finishes the row and hands it to the buffered writer.
func (t *tableWriter) end() error {
	t.row = append(t.row, '\n')
	_, err := t.w.Write(t.row)
	t.row = t.row[:0]
	t.rows++
	if err != nil {
		return fmt.Errorf("write %s: %w", t.path, err)
	}
	return nil
}

func (t *tableWriter) close() error {
	if err := t.w.Flush(); err != nil {
		t.f.Close()
		return fmt.Errorf("flush %s: %w", t.path, err)
	}
	if err := t.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", t.path, err)
	}
	return nil
}

// dateCache formats day numbers (days since 1970-01-01, UTC) through a table
// of precomputed YYYY-MM-DD strings covering the history with margins.
type dateCache struct {
	first int32
	text  [][10]byte
	years []int16
}

func newDateCache(from, to int32) *dateCache {
	c := &dateCache{first: from, text: make([][10]byte, to-from+1), years: make([]int16, to-from+1)}
	for d := from; d <= to; d++ {
		t := dayTime(d)
		copy(c.text[d-from][:], t.Format(time.DateOnly))
		c.years[d-from] = int16(t.Year())
	}
	return c
}

// year returns the calendar year of day d.
func (c *dateCache) year(d int32) int {
	if i := d - c.first; i >= 0 && int(i) < len(c.years) {
		return int(c.years[i])
	}
	return dayTime(d).Year()
}

func (c *dateCache) append(b []byte, d int32) []byte {
	if i := d - c.first; i >= 0 && int(i) < len(c.text) {
		return append(b, c.text[i][:]...)
	}
	return dayTime(d).AppendFormat(b, time.DateOnly)
}

// dayNumber converts a date to days since 1970-01-01 (the time of day is dropped).
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func yearOf(d int32) int { return dayTime(d).Year() }
