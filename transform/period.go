package transform

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Period is a reporting period: a calendar quarter or any date range.
type Period struct {
	Label string    // "2026Q3", or "2026-01-01..2026-06-30"
	Start time.Time // first day
	End   time.Time // last day, inclusive
}

var quarterRe = regexp.MustCompile(`^(\d{4})[Qq]([1-4])$`)

// Quarter returns quarter q (1–4) of year y.
func Quarter(y, q int) Period {
	start := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
	return Period{
		Label: fmt.Sprintf("%dQ%d", y, q),
		Start: start,
		End:   start.AddDate(0, 3, -1),
	}
}

// QuarterOf returns the quarter containing t.
func QuarterOf(t time.Time) Period {
	return Quarter(t.Year(), (int(t.Month())-1)/3+1)
}

// ParsePeriod parses a quarter such as "2026Q3".
func ParsePeriod(s string) (Period, error) {
	m := quarterRe.FindStringSubmatch(s)
	if m == nil {
		return Period{}, fmt.Errorf("period %q: want a quarter like 2026Q3", s)
	}
	y, _ := strconv.Atoi(m[1])
	q, _ := strconv.Atoi(m[2])
	return Quarter(y, q), nil
}

// DateRange is the period from one day to another, both inclusive.
func DateRange(from, to time.Time) (Period, error) {
	if to.Before(from) {
		return Period{}, fmt.Errorf("period: %s is before %s", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return Period{Label: from.Format(time.DateOnly) + ".." + to.Format(time.DateOnly), Start: from, End: to}, nil
}

// IsQuarter reports whether p is a calendar quarter.
func (p Period) IsQuarter() bool { return quarterRe.MatchString(p.Label) }

// Shift returns the quarter n quarters after p (before, for negative n).
func (p Period) Shift(n int) Period {
	s := p.Start.AddDate(0, 3*n, 0)
	return QuarterOf(s)
}

// Previous is the quarter before p; YearAgo the same quarter a year earlier.
func (p Period) Previous() Period { return p.Shift(-1) }
func (p Period) YearAgo() Period  { return p.Shift(-4) }

// Trend returns the n quarters up to and including p, oldest first.
func (p Period) Trend(n int) []Period {
	out := make([]Period, n)
	for i := range n {
		out[i] = p.Shift(i - n + 1)
	}
	return out
}

// LatestCompleteQuarter is the last quarter that ended before the as-of date.
func LatestCompleteQuarter(asOf time.Time) Period {
	q := QuarterOf(asOf)
	if asOf.Equal(q.End) {
		return q
	}
	return q.Previous()
}
