package cpu

import (
	"testing"
	"time"
)

// Time grows while the process computes (a busy loop reaches 20 ms of CPU
// within 10 s, however loaded the machine) and not while it sleeps.
func TestTimeCountsCPUNotWall(t *testing.T) {
	start := Time()
	deadline := time.Now().Add(10 * time.Second)
	for Time()-start < 20*time.Millisecond {
		if time.Now().After(deadline) {
			t.Fatalf("10 s of a busy loop counted %v of CPU", Time()-start)
		}
	}
	start = Time()
	time.Sleep(100 * time.Millisecond)
	if slept := Time() - start; slept > 50*time.Millisecond {
		t.Errorf("a 100 ms sleep counted %v of CPU", slept)
	}
}
