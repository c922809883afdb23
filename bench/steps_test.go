// Package bench holds make bench (bench.sh), its baseline program and
// steps.awk; this test checks steps.awk, whose figures go into RESULTS.md.
package bench

import (
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// TestStepsAwk: steps.awk turns a load's --verbose log with
// SIPSTAT_TRACE_SQL lines (testdata/load.err, written by hand) into the
// sums worked out by hand below: Go durations of every unit; files written
// the one-pass way (persons), with rows taken back (sips: suspects 5 +
// delete 2 + read-back 40 + rule 60 + rewrite 80 ms of taking back) and
// the exact way (survey_answers); the commit of the rows' wall from the
// log's clock (15.940 − 15.640 s); the switch, the build in its transaction
// and the switch commit as separate steps; transform's statements by file
// and folder.
func TestStepsAwk(t *testing.T) {
	b, err := os.ReadFile("testdata/load.err")
	if err != nil {
		t.Fatal(err)
	}
	got := runSteps(t, string(b))
	want := map[string]string{
		"step:read files":                "0.026\t-\t1",
		"step:setup":                     "0.008\t0.008\t1",
		"step:stage":                     "0.001\t0.001\t2",
		"step:privacy":                   "0.000\t0.000\t1",
		"step:replace previous snapshot": "0.012\t0.024\t1",
		"step:bookkeeping":               "0.015\t0.016\t1",
		"step:pending":                   "0.006\t0.006\t1",
		"step:commit":                    "0.300\t0.222\t1",
		"step:switch":                    "0.008\t0.090\t1",
		"step:before commit":             "62.500\t1.200\t1",
		"step:switch commit":             "2.200\t0.950\t1",
		"step:load total":                "65.000\t-\t1",
		"validate:one-pass":              "0.014\t0.017\t1",
		"validate:taken back":            "1.250\t1.000\t1",
		"validate:taking back":           "0.187\t0.158\t1",
		"validate:exact way":             "0.200\t0.150\t1",
		"isql:insert_raw.sql":            "0.192\t0.174\t3",
		"isql:probe.sql":                 "0.020\t0.010\t1",
		"isql:suspects.sql":              "0.005\t0.005\t1",
		"isql:delete_taken.sql":          "0.002\t0.003\t1",
		"isql:stage_taken.sql":           "0.040\t0.030\t1",
		"isql:rule_reference.sql":        "0.060\t0.050\t1",
		"isql:rule_duplicate.sql":        "0.030\t0.020\t1",
		"isql:commit.sql":                "0.250\t0.200\t1",
		"tsql:core/sips.sql":             "0.100\t0.080\t1",
		"tsql:kpi/goals.sql":             "1.200\t0.900\t1",
		"tsql:kpi/attendance.sql":        "0.050\t0.040\t1",
		"tlayer:core":                    "0.100\t0.080\t1",
		"tlayer:kpi":                     "1.250\t0.940\t2",
	}
	compare(t, got, want)
}

// TestStepsAwkWithoutTransform: the commit is timed from the step before
// it, whichever it is (bookkeeping: 18.348 − 15.633 s).
func TestStepsAwkWithoutTransform(t *testing.T) {
	log := "time=2026-12-03T13:00:15.633Z level=DEBUG msg=\"load step\" step=bookkeeping elapsed=15ms cpu=16ms\n" +
		"time=2026-12-03T13:00:18.348Z level=DEBUG msg=\"load step\" step=commit cpu=2s\n"
	got := runSteps(t, log)
	compare(t, got, map[string]string{"step:bookkeeping": "0.015\t0.016\t1", "step:commit": "2.715\t2.000\t1"})
}

// runSteps runs steps.awk over a log and returns its figures by key.
func runSteps(t *testing.T, log string) map[string]string {
	t.Helper()
	if _, err := exec.LookPath("awk"); err != nil {
		t.Skip("no awk")
	}
	cmd := exec.Command("awk", "-f", "steps.awk")
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	cmd.Stdin = strings.NewReader(log)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("awk: %v", err)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		k, v, _ := strings.Cut(line, "\t")
		got[k] = v
	}
	return got
}

func compare(t *testing.T, got, want map[string]string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q", k, got[k], v)
			}
		}
		for k, v := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("unexpected %s = %q", k, v)
			}
		}
	}
}
