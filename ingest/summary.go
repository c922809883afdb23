package ingest

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// WriteText writes the per-file table a person reads: what was read, loaded
// and rejected per table, then the first rejects and the warnings.
func (s *Summary) WriteText(w io.Writer) {
	fmt.Fprintf(w, "source %q, as of %s", s.Source, s.AsOf.Format(time.DateOnly))
	if s.Unchanged {
		fmt.Fprint(w, ": unchanged, this extract is already loaded")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "table\tfile\tformat\tencoding\tdelim\tread\tloaded\trejected\t")
	var read, loaded, rejected int64
	for _, f := range s.Files {
		delim := f.Delimiter
		if delim == "" {
			delim = "-"
		}
		enc := f.Encoding
		if enc == "" {
			enc = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t\n", f.Table, f.File, f.Format, enc, delim, f.Read, f.Loaded, f.Rejected)
		read, loaded, rejected = read+f.Read, loaded+f.Loaded, rejected+f.Rejected
	}
	fmt.Fprintf(tw, "total\t\t\t\t\t%d\t%d\t%d\t\n", read, loaded, rejected)
	tw.Flush()
	if rejected > 0 {
		fmt.Fprintf(w, "\n%d rows rejected (all in load_rejects)", rejected)
		if int64(len(s.RejectSamples)) < rejected {
			fmt.Fprintf(w, ", the first %d", len(s.RejectSamples))
		}
		fmt.Fprintln(w, ":")
		for _, r := range s.RejectSamples {
			fmt.Fprintf(w, "  %s\n", r)
		}
	}
	if len(s.Warnings) > 0 {
		fmt.Fprintf(w, "\n%d warnings:\n", len(s.Warnings))
		for _, m := range s.Warnings {
			fmt.Fprintf(w, "  %s\n", m)
		}
	}
}
