package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"runtime"
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
	// UTF8: the bytes are valid UTF-8 (else the file is read as
	// Windows-1252).
	UTF8 bool
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
}

// scanCSVFile reads a CSV file's bytes once, in pieces that end at a line
// break, so no piece cuts a UTF-8 sequence or a personal number (UTF-8 or
// Windows-1252: digits, '-', '+', spaces, quotes, line breaks and
// delimiters are the same bytes in both). Memory stays at one buffer
// however large the file, unless one line is larger.
func scanCSVFile(path string, delim byte) (fileScan, error) {
	out := fileScan{UTF8: true}
	f, err := os.Open(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	hash := sha256.New()
	count := recordCounter{delim: delim}
	piece := func(b []byte, last bool) {
		hash.Write(b)
		out.Size += int64(len(b))
		out.NUL = out.NUL || bytes.IndexByte(b, 0) >= 0
		out.UTF8 = out.UTF8 && utf8.Valid(b)
		out.PersonalNumber = out.PersonalNumber || containsPersonalNumber(b)
		out.EdgeSpace = out.EdgeSpace || edgeSpace(b, delim) || last && len(b) > 0 && b[len(b)-1] == ' '
		count.add(b)
	}
	buf := make([]byte, prescanBuffer)
	carry := 0 // bytes after the last line break, kept for the next read
	for {
		n, err := io.ReadFull(f, buf[carry:])
		end := carry + n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			piece(buf[:end], true)
			out.Digest = hex.EncodeToString(hash.Sum(nil))
			out.Rows, out.RowsKnown = count.rows()
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
