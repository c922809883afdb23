// Package cpu measures the CPU time of this process, for the timings that
// ingest and transform log with --verbose and for benchmarks.
package cpu

import (
	"syscall"
	"time"
)

// Time is the user+system CPU time this process has used so far; 0 where
// the system cannot say.
func Time() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
