package cpu

import (
	"testing"
	"time"
)

// Time grows by at least the CPU a busy loop burns, and not by a sleep's wall time.
func TestTimeCountsCPUNotWall(t *testing.T) {
	start := Time()
	spin := time.Now()
	x := 0
	for time.Since(spin) < 50*time.Millisecond {
		x++
	}
	busy := Time() - start
	if busy < 20*time.Millisecond {
		t.Errorf("50 ms of a busy loop counted %v of CPU", busy)
	}
	start = Time()
	time.Sleep(100 * time.Millisecond)
	if slept := Time() - start; slept > 50*time.Millisecond {
		t.Errorf("a 100 ms sleep counted %v of CPU", slept)
	}
	_ = x
}
