// Tracing and profiling of the embedded SQL, switched on by environment
// variables (SIPSTAT_TRACE_SQL, SIPSTAT_PROFILE_SQL).

package transform

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// traceExec, set by SIPSTAT_TRACE_SQL=1, prints each statement's wall and
// CPU time to stderr (the machine is shared, so wall time alone misleads).
var traceExec = os.Getenv("SIPSTAT_TRACE_SQL") != ""

// profileSQL, set by SIPSTAT_PROFILE_SQL=<part of a file name>, prints
// DuckDB's JSON profile of the matching statements to a file in the temp
// directory (they then run twice).
var profileSQL = os.Getenv("SIPSTAT_PROFILE_SQL")

func (r *runner) profile(ctx context.Context, file, stmt string, args ...any) {
	out := filepath.Join(os.TempDir(), "sipstat-profile-"+strings.NewReplacer("/", "-", ".sql", "").Replace(file)+".json")
	// Session settings only: the profile of the one statement goes to out.
	if _, err := r.q.ExecContext(ctx, "pragma enable_profiling = 'json'; set profiling_output = '"+out+"'"); err != nil {
		fmt.Fprintf(os.Stderr, "profile %s: %v\n", file, err)
		return
	}
	if _, err := r.q.ExecContext(ctx, stmt, args...); err != nil {
		fmt.Fprintf(os.Stderr, "profile %s: %v\n", file, err)
	}
	r.q.ExecContext(ctx, "pragma disable_profiling")
	fmt.Fprintf(os.Stderr, "profile %s: %s\n", file, out)
}
