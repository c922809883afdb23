package ingest

import "bytes"

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
