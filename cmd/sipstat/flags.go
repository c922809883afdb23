package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// The flag types below parse their value when the flag is set, so a value
// that does not parse is a flag error, which the root command's flag error
// function makes a usage error (exit 2) naming the flag.

// dateFlag is a flag taking a date YYYY-MM-DD; the pointer stays nil until
// the flag is given.
type dateFlag struct{ p **time.Time }

func (d dateFlag) Type() string { return "date" }

func (d dateFlag) String() string {
	if d.p == nil || *d.p == nil {
		return ""
	}
	return (*d.p).Format(time.DateOnly)
}

func (d dateFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf("want a date YYYY-MM-DD")
	}
	*d.p = &t
	return nil
}

// quarterFlag is a flag taking a quarter such as 2026Q3; nil until given.
type quarterFlag struct{ p **transform.Period }

func (q quarterFlag) Type() string { return "quarter" }

func (q quarterFlag) String() string {
	if q.p == nil || *q.p == nil {
		return ""
	}
	return (*q.p).Label
}

func (q quarterFlag) Set(s string) error {
	p, err := transform.ParsePeriod(strings.TrimSpace(s))
	if err != nil {
		return err
	}
	*q.p = &p
	return nil
}

// formatFlag is a --format flag that accepts the given formats only.
type formatFlag struct {
	p       *queries.Format
	allowed []queries.Format
}

func (f formatFlag) Type() string { return "format" }

func (f formatFlag) String() string {
	if f.p == nil {
		return ""
	}
	return string(*f.p)
}

func (f formatFlag) Set(s string) error {
	v, err := queries.ParseFormat(s)
	if err != nil || !slices.Contains(f.allowed, v) {
		return fmt.Errorf("want %s", formatNames(f.allowed))
	}
	*f.p = v
	return nil
}

func formatNames(fs []queries.Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// addFormatFlag adds --format with its default and the formats it takes.
func addFormatFlag(f *pflag.FlagSet, p *queries.Format, def queries.Format, allowed ...queries.Format) {
	*p = def
	f.Var(formatFlag{p, allowed}, "format", "output format: "+formatNames(allowed))
}

// periodOptions choose the reporting period: a quarter, or with ranges a
// date range; by default the latest complete quarter before the as-of date.
type periodOptions struct {
	Quarter  *transform.Period // --period
	From, To *time.Time        // --from, --to (both or neither)
}

const periodHelp = "quarter, e.g. 2026Q3 (default: latest complete quarter before the as-of date)"

func (o *periodOptions) addFlags(f *pflag.FlagSet, ranges bool) {
	f.Var(quarterFlag{&o.Quarter}, "period", periodHelp)
	if ranges {
		f.Var(dateFlag{&o.From}, "from", "start of a custom period, YYYY-MM-DD (with --to)")
		f.Var(dateFlag{&o.To}, "to", "end of a custom period, YYYY-MM-DD, inclusive")
	}
}

// named returns the period the flags name: --from/--to, else --period;
// ok is false when they name none (the default depends on the as-of date,
// see latestQuarter).
func (o periodOptions) named() (p transform.Period, ok bool, err error) {
	switch {
	case o.From != nil || o.To != nil:
		if o.From == nil || o.To == nil {
			return p, false, usageError{fmt.Errorf("--from and --to go together")}
		}
		if p, err = transform.DateRange(*o.From, *o.To); err != nil {
			return p, false, usageError{err}
		}
		return p, true, nil
	case o.Quarter != nil:
		return *o.Quarter, true, nil
	}
	return p, false, nil
}

// openForPeriod checks the period flags, reads the settings, opens the
// database read-only and returns the period the flags name or, by default,
// the latest complete quarter before asOf (nil: the database's as-of date).
func (a *app) openForPeriod(ctx context.Context, o periodOptions, asOf *time.Time) (transform.Period, transform.Settings, *warehouse.DB, error) {
	p, named, err := o.named()
	if err != nil {
		return p, transform.Settings{}, nil, err
	}
	settings, db, err := a.openWithSettings(ctx, true)
	if err != nil || named {
		return p, settings, db, err
	}
	if p, err = latestQuarter(ctx, db, asOf); err != nil {
		db.Close()
		return p, settings, nil, err
	}
	return p, settings, db, nil
}

// latestQuarter is the default period: the latest complete quarter before
// asOf (nil: the database's as-of date).
func latestQuarter(ctx context.Context, db warehouse.Querier, asOf *time.Time) (transform.Period, error) {
	if asOf == nil {
		t, err := transform.AsOf(ctx, db)
		if err != nil {
			return transform.Period{}, err
		}
		asOf = &t
	}
	return transform.LatestCompleteQuarter(*asOf), nil
}

// flagAdder is a command's options struct: it adds its flags, bound to its
// fields (see withOptions).
type flagAdder interface {
	addFlags(f *pflag.FlagSet)
}

// requireFlag is the usage error of a command run without a flag it needs
// (value empty), else nil.
func requireFlag(cmd, flag, value string) error {
	if value == "" {
		return usageError{fmt.Errorf("%s: %s is required", cmd, flag)}
	}
	return nil
}
