package ingest

import (
	"errors"
	"fmt"
	"strings"
)

// A Swedish personal identity number (personnummer) or coordination number
// (samordningsnummer) is YYMMDD-NNNC or YYYYMMDDNNNC: a birth date (day + 60
// for a coordination number), a separator '-' or '+' that may be left out,
// three digits and a Luhn check digit over the last ten digits.

// findPersonalNumbers returns the byte spans of s that are personal identity
// or coordination numbers. A candidate is a run of 10 or 12 digits, or 6 or 8
// digits, '-' or '+', and 4 digits, not touching further digits; it counts
// when its date part is plausible and its Luhn check digit is valid. It reads
// a string (a cell) or bytes (a stretch of a file) alike.
func findPersonalNumbers[T ~string | ~[]byte](s T) [][2]int {
	var spans [][2]int
	n := len(s)
	isDigit := func(i int) bool { return i >= 0 && i < n && s[i]-'0' < 10 }
	for i := 0; i < n; i++ {
		if s[i]-'0' >= 10 {
			continue
		}
		// i starts a run of digits (the loop jumps past whole runs).
		j := i + 1
		for j < n && s[j]-'0' < 10 {
			j++
		}
		var d [12]byte
		switch run := j - i; {
		case (run == 6 || run == 8) && j+5 <= n && (s[j] == '-' || s[j] == '+') &&
			isDigit(j+1) && isDigit(j+2) && isDigit(j+3) && isDigit(j+4) && !isDigit(j+5):
			k := 0
			for _, c := range []int{i, j + 1} {
				for m := c; m < n && s[m]-'0' < 10; m++ {
					d[k] = s[m]
					k++
				}
			}
			if validPersonalNumber(d[:k]) {
				spans = append(spans, [2]int{i, j + 5})
			}
		case run == 10 || run == 12:
			for m := i; m < j; m++ {
				d[m-i] = s[m]
			}
			if validPersonalNumber(d[:run]) {
				spans = append(spans, [2]int{i, j})
			}
		}
		i = j
	}
	return spans
}

// containsPersonalNumber reports whether s holds a personal identity or
// coordination number anywhere.
func containsPersonalNumber[T ~string | ~[]byte](s T) bool {
	return len(findPersonalNumbers(s)) > 0
}

// validPersonalNumber checks 10 or 12 digits: century (19th–21st), month,
// day (or day + 60) and the Luhn check digit of the last ten.
func validPersonalNumber[T ~string | ~[]byte](d T) bool {
	if len(d) == 12 {
		if c0, c1 := d[0], d[1]; c0 != '1' && c0 != '2' || c0 == '1' && c1 != '8' && c1 != '9' || c0 == '2' && c1 != '0' {
			return false
		}
		d = d[2:]
	}
	if len(d) != 10 {
		return false
	}
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	day := int(d[4]-'0')*10 + int(d[5]-'0')
	if month < 1 || month > 12 {
		return false
	}
	if day > 60 {
		day -= 60
	}
	if day < 1 || day > 31 {
		return false
	}
	sum := 0
	for k := 0; k < 10; k++ {
		v := int(d[k] - '0')
		if k%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// redact replaces every personal identity number in s, so that an error
// message quoting a line of input (DuckDB's CSV errors do) never repeats one.
func redact(s string) string {
	spans := findPersonalNumbers(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteString("[redacted]")
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// redactedError carries an error whose text is shown redacted; Unwrap keeps
// errors.Is working (context.Canceled, ErrNotAnonymised).
type redactedError struct{ err error }

func (e redactedError) Error() string { return redact(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }

func redactErr(err error) error {
	if err == nil {
		return nil
	}
	var r redactedError
	if errors.As(err, &r) {
		return err
	}
	return redactedError{err}
}

// ErrNotAnonymised is the cause of a load refused because the extract holds
// a personal identity or coordination number.
var ErrNotAnonymised = errors.New("the extract is not anonymised")

// privacyError names where a personal number was found, never the value.
func privacyError(file, table string, line int64, column string) error {
	return fmt.Errorf("%s:%d: table %s, row at line %d, column %s: a Swedish personal identity or coordination number; nothing was loaded: %w",
		file, line, table, line, column, ErrNotAnonymised)
}

// privacyPlaceError refuses an extract whose personal number is around the
// cells (a name, a header, the manifest): what names the place, never the
// value.
func privacyPlaceError(what string) error {
	return fmt.Errorf("%s holds a Swedish personal identity or coordination number; nothing was loaded: %w", what, ErrNotAnonymised)
}
