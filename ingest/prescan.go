package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"io"
	"math/bits"
	"os"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"
)

// fileScan is what the one read of a CSV file's bytes found, before the
// database is touched: its digest and encoding, whether it needs the
// privacy scan of its cells or trimming, and its row count.
type fileScan struct {
	// Digest is the SHA-256 of the file's bytes, Size their number.
	Digest string
	Size   int64
	// NUL: the file has a NUL byte (binary, never CSV text).
	NUL bool
	// UTF8: the bytes are valid UTF-8. Multibyte (found only when not
	// UTF8): they hold at least one valid UTF-8 sequence of more than one
	// byte (see decideEncoding).
	UTF8, Multibyte bool
	// LongLine: a line is longer than maxLineBytes (DuckDB's read_csv
	// refuses the whole file for it).
	LongLine bool
	// PersonalNumber: a line holds a personal identity or coordination
	// number. A number inside a cell is one inside its line, since no
	// delimiter is a digit, '-' or '+'; so a file without a hit needs no
	// scan of its cells, and a file with one is scanned cell by cell to name
	// the row and column.
	PersonalNumber bool
	// EdgeSpace: a space touches a delimiter, a line break, a quote or an
	// end of the file. Without one no cell starts or ends with a space, so
	// its cells need no trimming (a cell begins after a delimiter, a line
	// break or an opening quote and ends before one of them or a closing
	// quote).
	EdgeSpace bool
	// Rows is the number of data rows as read_csv reads them, when
	// RowsKnown (see recordCounter).
	Rows      int64
	RowsKnown bool
	// LineBreaks lists, when RowsKnown, the record (0 the header, 1 the
	// first data row) of each line break inside a quoted cell, in order:
	// the line of a record is its number + 1 + the breaks before it.
	// Nil when there are none or more than maxBreaks.
	LineBreaks []int64
	// KeysUnique: no key of the table is on two lines (false also when
	// two keys share a 64-bit hash, or the check did not answer: see
	// keyChecker); suspects.sql then counts repeated keys.
	KeysUnique bool
}

// scanCSVFile reads a CSV file's bytes once, in pieces that end at a line
// break, so no piece cuts a UTF-8 sequence or a personal number (UTF-8 or
// Windows-1252: digits, '-', '+', spaces, quotes, line breaks and
// delimiters are the same bytes in both). Memory stays at one buffer
// however large the file, unless one line is larger.
//
// keyCols are the positions of the table's key columns in the header, when
// every key column is text (nil: the key is not checked here).
func scanCSVFile(path string, delim byte, keyCols []int) (fileScan, error) {
	out := fileScan{UTF8: true}
	f, err := os.Open(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	hash := sha256.New()
	count := recordCounter{delim: delim}
	keys := newKeyChecker(delim, keyCols)
	if st, err := f.Stat(); err == nil {
		keys.size = st.Size()
	} else {
		return out, err
	}
	piece := func(b []byte, last bool) {
		hash.Write(b)
		out.Size += int64(len(b))
		out.NUL = out.NUL || bytes.IndexByte(b, 0) >= 0
		if !utf8.Valid(b) {
			// Multibyte is only needed for a file with an invalid byte
			// (decideEncoding); its valid pieces are looked at after.
			out.UTF8 = false
			out.Multibyte = out.Multibyte || hasValidMultibyte(b)
		}
		out.LongLine = out.LongLine || longLine(b)
		out.PersonalNumber = out.PersonalNumber || containsPersonalNumber(b)
		out.EdgeSpace = out.EdgeSpace || edgeSpace(b, delim) || last && len(b) > 0 && b[len(b)-1] == ' '
		count.add(b)
		keys.add(b)
	}
	// A small file is read whole (one extra byte sees its end).
	buf := make([]byte, min(int64(prescanBuffer), keys.size+1))
	carry := 0 // bytes after the last line break, kept for the next read
	for {
		n, err := io.ReadFull(f, buf[carry:])
		end := carry + n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			piece(buf[:end], true)
			out.Digest = hex.EncodeToString(hash.Sum(nil))
			out.Rows, out.RowsKnown = count.rows()
			if out.RowsKnown && !count.breaksOver {
				out.LineBreaks = count.breaks
			}
			out.KeysUnique = keys.result()
			if !out.UTF8 && !out.Multibyte {
				// Rare (Windows-1252 or a broken file): a second read
				// sees whether any valid piece held a UTF-8 sequence.
				if out.Multibyte, err = fileHasValidMultibyte(path); err != nil {
					return out, err
				}
			}
			return out, nil
		}
		if err != nil {
			return out, err
		}
		cut := bytes.LastIndexByte(buf[:end], '\n') + 1
		if cut == 0 {
			// One line longer than the buffer: grow it.
			buf = append(buf, make([]byte, len(buf))...)
			carry = end
			continue
		}
		// buf always starts at the start of a line.
		piece(buf[:cut], false)
		carry = copy(buf, buf[cut:end])
	}
}

// maxLineBytes is the longest line DuckDB's read_csv reads (its
// max_line_size, 2 MiB); a file with a longer one is read in Go, where a
// cell longer than maxCellBytes is an ordinary row reject.
const maxLineBytes = 2 << 20

// longLine reports whether b (whole lines, or the file's last piece) has a
// line longer than maxLineBytes, in len(b)/maxLineBytes steps.
func longLine(b []byte) bool {
	for len(b) > maxLineBytes {
		i := bytes.LastIndexByte(b[:maxLineBytes+1], '\n')
		if i < 0 {
			return true
		}
		b = b[i+1:]
	}
	return false
}

// hasValidMultibyte reports whether b holds a valid UTF-8 sequence of
// more than one byte.
func hasValidMultibyte(b []byte) bool {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r != utf8.RuneError || n > 1 {
			return true
		}
		b = b[n:]
	}
	return false
}

// fileHasValidMultibyte reads a file for a valid UTF-8 sequence of more
// than one byte, in pieces cut before a rune's first byte (a sequence is
// never split).
func fileHasValidMultibyte(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, max(prescanBuffer, 8))
	carry := 0
	for {
		n, err := io.ReadFull(f, buf[carry:])
		end := carry + n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return hasValidMultibyte(buf[:end]), nil
		}
		if err != nil {
			return false, err
		}
		cut := end
		for k := 1; k <= utf8.UTFMax-1 && end-k >= 0; k++ {
			if utf8.RuneStart(buf[end-k]) {
				cut = end - k
				break
			}
		}
		if hasValidMultibyte(buf[:cut]) {
			return true, nil
		}
		carry = copy(buf, buf[cut:end])
	}
}

// decideEncoding is the contract's rule for a CSV file's encoding, from
// what its bytes are (fileScan): valid UTF-8 is UTF-8 (with or without a
// BOM); a file whose bytes of 0x80 and above form no valid UTF-8 sequence
// at all is Windows-1252; a UTF-8 file with a few invalid bytes stays UTF-8,
// and is read in Go (goRead) so each line with one is rejected alone
// rather than the whole file decoded wrongly. A line longer than DuckDB
// reads is read in Go as well.
func decideEncoding(s fileScan, bom bool) (enc string, goRead bool) {
	switch {
	case !s.UTF8 && !s.Multibyte && !bom:
		return encCP1252, true
	case bom:
		return encUTF8BOM, !s.UTF8 || s.LongLine
	default:
		return encUTF8, !s.UTF8 || s.LongLine
	}
}

// edgeSpace reports whether b, which starts at the start of a line, has a
// space at its start or next to a delimiter, a line break or a quote.
func edgeSpace(b []byte, delim byte) bool {
	edge := func(c byte) bool { return c == delim || c == '\n' || c == '\r' || c == '"' }
	for i := bytes.IndexByte(b, ' '); i >= 0; {
		if i == 0 || edge(b[i-1]) || i+1 < len(b) && edge(b[i+1]) {
			return true
		}
		j := bytes.IndexByte(b[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// prescanBuffer is the read size of scanCSVFile (tests make it small).
var prescanBuffer = 4 << 20

// recordCounter counts the records of a CSV file, header included, the way
// read_csv reads them in the dialect of direct_csv.sql and stage_csv.sql
// (quote and escape '"', records ended by LF or CRLF). It is fed the file's
// bytes in order, in pieces of any size.
//
// The count is only claimed for a file read_csv cannot read another way: no
// blank line, no CR outside a CRLF, and every quote where RFC 4180 puts it
// (opening a field, doubled inside one, closing one before a delimiter or a
// line end). Anything else makes the count unknown, and the load counts with
// DuckDB instead: a wrong count would hide left-out rows.
type recordCounter struct {
	delim   byte
	records int64
	// unknown: the file has something the count is not claimed for.
	unknown bool
	// breaks are the records of the line breaks inside quoted cells (see
	// fileScan.LineBreaks); breaksOver: more than maxBreaks.
	breaks     []int64
	breaksOver bool
	// Where the last byte left the reader.
	inQuote   bool // inside a quoted field
	quoteSeen bool // inside a quoted field, the last byte was a quote
	midLine   bool // the current line has a byte (outside a quoted field)
	midField  bool // the current field has a byte (outside a quoted field)
	cr        bool // the last byte was a CR outside a quoted field
}

// add reads the next piece of the file.
func (c *recordCounter) add(b []byte) {
	if c.unknown {
		return
	}
	if !c.inQuote && !c.midLine && !c.cr {
		// The common case, at memchr speed: whole lines without quotes,
		// starting at a line start.
		cut := bytes.LastIndexByte(b, '\n') + 1
		if lines := b[:cut]; cut > 0 && bytes.IndexByte(lines, '"') < 0 {
			if lines[0] == '\n' || lines[0] == '\r' || bytes.Contains(lines, []byte("\n\n")) || bytes.Contains(lines, []byte("\n\r")) ||
				bytes.Count(lines, []byte{'\r'}) != bytes.Count(lines, []byte("\r\n")) {
				c.unknown = true // a blank line or a lone CR
				return
			}
			c.records += int64(bytes.Count(lines, []byte{'\n'}))
			b = b[cut:]
		}
	}
	c.slow(b)
}

// slow reads b byte by byte.
func (c *recordCounter) slow(b []byte) {
	for _, x := range b {
		if c.inQuote {
			if !c.quoteSeen {
				c.quoteSeen = x == '"'
				if x == '\n' {
					c.lineBreak()
				}
				continue
			}
			c.quoteSeen = false
			if x == '"' {
				continue // a doubled quote
			}
			// The quote before x closed the field: x must end it.
			c.inQuote = false
			if x != c.delim && x != '\n' && x != '\r' {
				c.unknown = true
				return
			}
		}
		if c.cr && x != '\n' {
			c.unknown = true
			return
		}
		switch x {
		case '\n':
			if !c.midLine && !c.cr {
				c.unknown = true // a blank line
				return
			}
			c.records++
			c.midLine, c.midField, c.cr = false, false, false
		case '\r':
			if !c.midLine {
				c.unknown = true // a blank line
				return
			}
			c.cr = true
		case '"':
			if c.midField {
				c.unknown = true // a quote inside an unquoted field
				return
			}
			c.inQuote, c.midLine, c.midField = true, true, true
		case c.delim:
			c.midLine, c.midField = true, false
		default:
			c.midLine, c.midField = true, true
		}
	}
}

// maxBreaks bounds the line breaks inside quoted cells a file's line
// numbers are corrected for (8 MiB).
const maxBreaks = 1 << 20

func (c *recordCounter) lineBreak() {
	if len(c.breaks) < maxBreaks {
		c.breaks = append(c.breaks, c.records)
	} else {
		c.breaksOver = true
	}
}

// rows returns the number of data rows (records after the header) at the
// end of the file, and whether it is known.
func (c *recordCounter) rows() (int64, bool) {
	if c.unknown || c.inQuote && !c.quoteSeen || c.cr {
		return 0, false
	}
	records := c.records
	if c.midLine || c.inQuote {
		records++ // the last line has no line end
	}
	if records == 0 {
		return 0, false
	}
	return records - 1, true
}

// parallel runs fn(0) … fn(n-1), one goroutine per core.
func parallel(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// keyChecker sees whether a key repeats among the lines of a CSV file, so
// that the one-pass load need not count distinct keys in DuckDB. It holds a
// 64-bit hash of each key: two keys with one hash only count as a repeat
// (the load then checks the exact way), never the other way round. A key
// value is its cells with white space trimmed at both ends, at least what
// the typed view trims, so keys equal there are equal here; a row with an
// empty key cell is never written, so it is skipped.
//
// It answers only for files without quotes (a quoted cell may hold a line
// break or a delimiter) and up to maxKeys keys, so its memory is bounded
// whatever the file's size; otherwise DuckDB checks.
type keyChecker struct {
	delim  byte
	cols   []int
	seed   maphash.Seed
	hashes []uint64 // one per key read
	size   int64    // the file's size, to size hashes
	header bool     // the header line is behind
	failed bool     // no answer: quotes, too many keys, a short line
}

// maxKeys bounds a keyChecker's memory (16 bytes a key, half of them only
// at the end): 32 MiB.
const maxKeys = 2 << 20

func newKeyChecker(delim byte, cols []int) *keyChecker {
	return &keyChecker{delim: delim, cols: cols, seed: maphash.MakeSeed(), failed: len(cols) == 0}
}

// add reads whole lines (a piece of the file that ends at a line break or
// at the end of the file).
func (k *keyChecker) add(b []byte) {
	if k.failed {
		return
	}
	if bytes.IndexByte(b, '"') >= 0 {
		k.fail()
		return
	}
	if k.hashes == nil && len(b) > 0 {
		// As many lines as the first piece's line length says, and some.
		lines := int64(bytes.Count(b, []byte{'\n'})) + 1
		k.hashes = make([]uint64, 0, min(maxKeys, k.size*lines/int64(len(b))*11/10+1024))
	}
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		if !k.header {
			k.header = true
			continue
		}
		var sum uint64
		field, col, next, empty := 0, 0, line, false
		for {
			end := bytes.IndexByte(next, k.delim)
			if field == k.cols[col] {
				cell := next
				if end >= 0 {
					cell = next[:end]
				}
				if len(cell) > 0 && (cell[0] <= ' ' || cell[len(cell)-1] <= ' ' || cell[len(cell)-1] >= utf8.RuneSelf || cell[0] >= utf8.RuneSelf) {
					cell = bytes.TrimSpace(cell)
				}
				if len(cell) == 0 {
					empty = true // never written
					break
				}
				// Mixed so that (a, b) and (b, a) differ.
				sum = sum*0x9E3779B97F4A7C15 ^ maphash.Bytes(k.seed, cell)
				if col++; col == len(k.cols) {
					break
				}
			}
			if end < 0 {
				break
			}
			next = next[end+1:]
			field++
		}
		if empty {
			continue
		}
		if col < len(k.cols) {
			k.fail() // a short line: DuckDB's read says what is wrong
			return
		}
		if len(k.hashes) >= maxKeys {
			k.fail()
			return
		}
		k.hashes = append(k.hashes, sum)
	}
}

func (k *keyChecker) fail() {
	k.failed = true
	k.hashes = nil
}

// result says, for a file read to its end, whether every key is unique
// (false when a key repeats or the check did not answer).
func (k *keyChecker) result() (unique bool) {
	return !k.failed && !repeats(k.hashes)
}

// repeats says whether a value occurs twice among hashes (uniformly
// spread): a counting sort by their top bits into buckets of about eight,
// then each bucket sorted; equal values are then neighbours. Cheaper than a
// set of them or a sort of the whole.
func repeats(hashes []uint64) bool {
	if len(hashes) < 2 {
		return false
	}
	width := max(1, bits.Len(uint(len(hashes)))-3)
	shift := 64 - width
	start := make([]int, 1<<width+1)
	for _, h := range hashes {
		start[h>>shift+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sorted := make([]uint64, len(hashes))
	next := slices.Clone(start[:len(start)-1])
	for _, h := range hashes {
		sorted[next[h>>shift]] = h
		next[h>>shift]++
	}
	for b := 0; b+1 < len(start); b++ {
		bucket := sorted[start[b]:start[b+1]]
		slices.Sort(bucket)
		for i := 1; i < len(bucket); i++ {
			if bucket[i] == bucket[i-1] {
				return true
			}
		}
	}
	return false
}
