package model

import (
	"log/slog"
	"time"

	"github.com/sipstat/sipstat/internal/cpu"
)

// Step logs a step of writing a report at debug level (sipstat report
// --verbose): its wall time and the CPU time the process used meanwhile
// (steps run side by side, so their CPU times overlap). A nil log logs
// nothing.
type Step struct {
	log   *slog.Logger
	name  string
	start time.Time
	cpu0  time.Duration
}

// StartStep starts timing the step name.
func StartStep(log *slog.Logger, name string) Step {
	if log == nil {
		return Step{}
	}
	return Step{log: log, name: name, start: time.Now(), cpu0: cpu.Time()}
}

// Done logs the step's times.
func (s Step) Done() {
	if s.log == nil {
		return
	}
	s.log.Debug("report step", "step", s.name,
		"wall_ms", time.Since(s.start).Milliseconds(), "cpu_ms", (cpu.Time() - s.cpu0).Milliseconds())
}
