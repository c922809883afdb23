package ingest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/warehouse"
)

// The tests in this file run the real sipstat binary, built once per test
// run from ../cmd/sipstat.

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func sipstatBinary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "sipstat-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "sipstat")
		cmd := exec.Command("go", "build", "-o", binPath, "../cmd/sipstat")
		cmd.Env = os.Environ()
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("go build ../cmd/sipstat: %v\n%s", binErr, binPath)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// runSipstat runs the binary; it returns stdout, stderr and the exit status.
func runSipstat(t testing.TB, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(sipstatBinary(t), append(args, "--threads", "2")...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// personalNumberForms are the spellings of testPNR that must not appear
// anywhere.
var personalNumberForms = []string{"19121212-1212", "121212-1212", "191212121212", "1212121212"}

// TestNoPersonalNumberLeavesTheExtract: an extract with a personal number in
// any place (a cell, the manifest's source or an unknown key, the folder
// name, a file name, the header of a column outside the contract, a sheet
// name) is refused by `sipstat load` (exit 1), and the number is in none of
// stdout, stderr, the database file, its WAL, or the report written after.
func TestNoPersonalNumberLeavesTheExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	// The previous state: the fixture, loaded.
	fixtureDB := filepath.Join(t.TempDir(), "fixture.duckdb")
	if _, stderr, code := runSipstat(t, "load", "--db", fixtureDB, "testdata/extract"); code != 0 {
		t.Fatalf("load of the fixture: exit %d: %s", code, stderr)
	}
	fixtureBytes := readFile(t, fixtureDB)
	for _, tc := range corpusCases() {
		if !tc.privacy {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			work := t.TempDir()
			db := filepath.Join(work, "sip.duckdb")
			writeFile(t, db, fixtureBytes)
			var dir string
			if tc.form != nil {
				dir = tc.form(t, "testdata/extract")
			} else {
				dir = copyFixture(t, "testdata/extract")
			}
			dir = tc.edit(t, dir)
			if !extractHolds(t, dir, testPNR) {
				t.Fatalf("the extract does not hold the number: the test would prove nothing")
			}
			stdout, stderr, code := runSipstat(t, "load", "--db", db, dir)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
			}
			if !strings.Contains(stderr, "not anonymised") {
				t.Errorf("stderr does not say why: %s", stderr)
			}
			walBytes, _ := os.ReadFile(db + ".wal")
			places := map[string][]byte{"stdout": []byte(stdout), "stderr": []byte(stderr), "the WAL": walBytes}
			// The database file as the refused load left it, then after a
			// report (which opens it again).
			places["the database file"] = readFile(t, db)
			out := filepath.Join(work, "report")
			if _, stderr, code := runSipstat(t, "report", "--db", db, "--out", out); code != 0 {
				t.Fatalf("report: exit %d: %s", code, stderr)
			}
			reports, _ := os.ReadDir(out)
			if len(reports) == 0 {
				t.Fatal("no report written")
			}
			for _, e := range reports {
				places["report "+e.Name()] = readFile(t, filepath.Join(out, e.Name()))
				if strings.HasSuffix(e.Name(), ".xlsx") {
					places["report "+e.Name()+" (cells)"] = []byte(xlsxText(t, filepath.Join(out, e.Name())))
				}
			}
			for place, b := range places {
				for _, f := range personalNumberForms {
					if bytes.Contains(b, []byte(f)) {
						t.Errorf("%s holds %s", place, f)
					}
				}
			}
		})
	}
}

// extractHolds reports whether any name, file or sheet of an extract holds s.
func extractHolds(t testing.TB, dir, s string) bool {
	if strings.Contains(dir, s) {
		return true
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), s) {
			return true
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if bytes.Contains(b, []byte(s)) {
			return true
		}
		if strings.HasSuffix(e.Name(), ".xlsx") && strings.Contains(xlsxText(t, filepath.Join(dir, e.Name())), s) {
			return true
		}
	}
	return false
}

// xlsxText is every sheet name and cell value of a workbook.
func xlsxText(t testing.TB, path string) string {
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	var b strings.Builder
	for _, s := range wb.GetSheetList() {
		b.WriteString(s + "\n")
		rows, _ := wb.GetRows(s)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

// TestKillDuringLoad: for each way a file is staged (UTF-8 CSV read by
// DuckDB, Windows-1252 CSV and XLSX parsed in Go and streamed as Arrow,
// Parquet), `sipstat load` of a newer extract is killed (SIGKILL) at
// several moments spread over the load; the database then holds the
// previous snapshot or, if the kill came after the commit, the new one,
// never a mix, with no object left behind; and export, kpi and report work
// on it.
func TestKillDuringLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	gen := t.TempDir()
	base := filepath.Join(gen, "extract")
	if _, stderr, code := runSipstat(t, "sample", "--sips", "400", "--flaws", "0", "--seed", "7", "--out", base); code != 0 {
		t.Fatalf("sample: %s", stderr)
	}
	paths := []struct {
		name string
		form func(testing.TB, string) string
	}{
		{"UTF-8 CSV", func(t testing.TB, from string) string { return copyFixture(t, from) }},
		{"Windows-1252 CSV", writeSwedishCP1252},
		{"XLSX", writeXLSX},
		{"Parquet", writeParquet},
	}
	ctx := context.Background()
	for _, p := range paths {
		t.Run(p.name, func(t *testing.T) {
			work := t.TempDir()
			older := p.form(t, base)
			newer := p.form(t, base)
			// The newer extract: the same files a day later (another
			// snapshot of the source: every row is replaced).
			m := readFile(t, filepath.Join(older, manifestName))
			if !bytes.Contains(m, []byte(`"extracted_at": "2026-10-05"`)) {
				t.Fatalf("manifest: %s", m)
			}
			writeFile(t, filepath.Join(newer, manifestName), bytes.Replace(m,
				[]byte(`"extracted_at": "2026-10-05"`), []byte(`"extracted_at": "2026-10-06"`), 1))
			state := func(db string) (map[string][]string, []string) {
				w, err := warehouse.Open(ctx, db, warehouse.Options{Threads: 2})
				if err != nil {
					t.Fatalf("open after the kill: %v", err)
				}
				defer w.Close()
				data := snapshot(t, w)
				data["kpi_values"] = dump(t, w, "select * from kpi_values order by all")
				return data, dbObjects(t, w)
			}
			prev := filepath.Join(work, "prev.duckdb")
			if _, stderr, code := runSipstat(t, "load", "--db", prev, older); code != 0 {
				t.Fatalf("load: exit %d: %s", code, stderr)
			}
			prevData, prevObjs := state(prev)
			prevBytes := readFile(t, prev)
			// The newer extract loaded to the end, timed.
			full := filepath.Join(work, "full.duckdb")
			writeFile(t, full, prevBytes)
			start := time.Now()
			if _, stderr, code := runSipstat(t, "load", "--db", full, newer); code != 0 {
				t.Fatalf("load: exit %d: %s", code, stderr)
			}
			took := time.Since(start)
			nextData, nextObjs := state(full)
			if reflect.DeepEqual(prevData, nextData) {
				t.Fatal("the two extracts load the same data: a kill could not be told apart")
			}
			t.Logf("a full load of the newer extract took %v", took)
			for i, frac := range []float64{0.2, 0.5, 0.8} {
				db := filepath.Join(work, "kill"+string(rune('a'+i))+".duckdb")
				writeFile(t, db, prevBytes)
				cmd := exec.Command(sipstatBinary(t), "load", "--db", db, "--threads", "2", newer)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				time.Sleep(time.Duration(float64(took) * frac))
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()
				data, objs := state(db)
				// A kill between the load's commit and the switch's leaves
				// the new snapshot's pending tables, which the next load drops.
				objs, pending := withoutPending(objs)
				switch {
				case reflect.DeepEqual(data, prevData) && reflect.DeepEqual(objs, prevObjs):
					t.Logf("killed at %.0f %%: the previous snapshot (%d pending tables left)", frac*100, len(pending))
				case len(pending) > 0:
					t.Errorf("killed at %.0f %%: pending tables beside the new snapshot: %q", frac*100, pending)
				case reflect.DeepEqual(data, nextData) && reflect.DeepEqual(objs, nextObjs):
					t.Logf("killed at %.0f %%: the new snapshot (committed)", frac*100)
				default:
					t.Errorf("killed at %.0f %%: neither snapshot; objects:\n%s", frac*100, strings.Join(objs, "\n"))
				}
				for _, args := range [][]string{
					{"export", "--db", db, "--out", filepath.Join(work, "export")},
					{"kpi", "--db", db},
					{"report", "--db", db, "--out", filepath.Join(work, "report")},
				} {
					if _, stderr, code := runSipstat(t, args...); code != 0 {
						t.Errorf("killed at %.0f %%: %s: exit %d: %s", frac*100, args[0], code, stderr)
					}
				}
			}
		})
	}
}
