package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func writeManifest(t testing.TB, dir, source, asOf string) {
	t.Helper()
	m := fmt.Sprintf(`{"contract_version":"1","source":%q,"region_code":"01","extracted_at":%q}`, source, asOf)
	if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newerExtract is the next quarter's snapshot: one person fewer (P004 left
// the register), one SIP more, as of 2027-01-08.
func newerExtract(t testing.TB) string {
	dir := copyFixture(t, "testdata/extract")
	writeManifest(t, dir, fixtureSource, "2027-01-08")
	b, _ := os.ReadFile(filepath.Join(dir, "persons.csv"))
	os.WriteFile(filepath.Join(dir, "persons.csv"), []byte(strings.Replace(string(b), "P004,1990,unknown,\n", "", 1)), 0o644)
	appendLines(t, filepath.Join(dir, "sips.csv"), "S009,P003,01,0181,standard,,school,2026-12-01,,,,,,,,")
	return dir
}

func TestLoadingTheSameExtractTwiceChangesNothing(t *testing.T) {
	db := openDB(t, "")
	first := mustLoad(t, db, "testdata/extract", Options{})
	before := dump(t, db, "select * from load_sources")
	beforeAll := snapshot(t, db)
	second := mustLoad(t, db, copyFixture(t, "testdata/extract"), Options{})
	if !second.Unchanged || first.Unchanged {
		t.Errorf("Unchanged = %v then %v, want false then true", first.Unchanged, second.Unchanged)
	}
	if !reflect.DeepEqual(second.Files, first.Files) {
		t.Errorf("an unchanged load reports other files:\n%v\n%v", second.Files, first.Files)
	}
	// Not even loaded_at or extract_dir moved.
	if after := dump(t, db, "select * from load_sources"); !reflect.DeepEqual(before, after) {
		t.Errorf("load_sources changed: %q → %q", before, after)
	}
	if after := snapshot(t, db); !reflect.DeepEqual(beforeAll, after) {
		t.Errorf("the second load changed the database")
	}
}

func TestNewerSnapshotReplacesItsSource(t *testing.T) {
	db := openDB(t, "")
	mustLoad(t, db, "testdata/extract", Options{})
	other := copyFixture(t, "testdata/extract")
	writeManifest(t, other, "Region Västra Götaland / SAMSA", "2026-09-30")
	mustLoad(t, db, other, Options{})
	otherBefore := dump(t, db, "select * from raw.sips where source = ? order by all", "Region Västra Götaland / SAMSA")

	sum := mustLoad(t, db, newerExtract(t), Options{})
	if sum.Unchanged {
		t.Fatal("a newer extract was taken as unchanged")
	}
	got := dump(t, db, "select source, count(*) from raw.persons group by source order by source")
	want := []string{fixtureSource + "|3", "Region Västra Götaland / SAMSA|4"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("persons per source = %q, want %q", got, want)
	}
	if n := count(t, db, "select count(*) from raw.sips where source = ?", fixtureSource); n != 5 {
		t.Errorf("sips of the replaced source = %d, want 5", n)
	}
	if got := dump(t, db, "select source, extracted_at from load_sources order by source"); !reflect.DeepEqual(got, []string{
		fixtureSource + "|2027-01-08 00:00:00 +0000 UTC", "Region Västra Götaland / SAMSA|2026-09-30 00:00:00 +0000 UTC"}) {
		t.Errorf("load_sources = %q", got)
	}
	if n := count(t, db, "select count(*) from load_files where source = ?", fixtureSource); n != 14 {
		t.Errorf("load_files rows of the source = %d, want 14 (not duplicated)", n)
	}
	if after := dump(t, db, "select * from raw.sips where source = ? order by all", "Region Västra Götaland / SAMSA"); !reflect.DeepEqual(after, otherBefore) {
		t.Errorf("loading one source changed another")
	}

	// Loading the older extract again would roll the source back: refused.
	_, err := Load(context.Background(), db, "testdata/extract", Options{})
	if err == nil || !strings.Contains(err.Error(), "already holds a newer extract") {
		t.Errorf("loading an older extract: err = %v", err)
	}
}

func TestFailureBeforeCommitRollsBackEverything(t *testing.T) {
	db := openDB(t, "")
	mustLoad(t, db, "testdata/extract", Options{})
	before := snapshot(t, db)
	boom := errors.New("model build failed")
	var sawRows int64
	_, err := Load(context.Background(), db, newerExtract(t), Options{BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
		// The hook sees the new rows on the load's own connection.
		if err := conn.QueryRowContext(ctx, "select count(*) from raw.sips").Scan(&sawRows); err != nil {
			return err
		}
		return boom
	}})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the hook's error", err)
	}
	if sawRows != 5 {
		t.Errorf("BeforeCommit saw %d sips, want the new snapshot's 5", sawRows)
	}
	if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("a load whose BeforeCommit failed changed the database")
	}
}

func TestCancelledLoadLeavesThePreviousState(t *testing.T) {
	for _, step := range []string{"stage sips.csv", "replace previous snapshot", "validate meetings.csv", "before commit"} {
		t.Run("cancelled at "+step, func(t *testing.T) {
			db := openDB(t, "")
			mustLoad(t, db, "testdata/extract", Options{})
			before := snapshot(t, db)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			testHook = func(s string) {
				if s == step {
					cancel()
				}
			}
			defer func() { testHook = nil }()
			_, err := Load(ctx, db, newerExtract(t), Options{})
			if !errors.Is(err, context.Canceled) && !strings.Contains(fmt.Sprint(err), "nterrupt") {
				t.Fatalf("err = %v, want a cancelled load", err)
			}
			testHook = nil
			if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
				t.Errorf("a cancelled load changed the database")
			}
			// The connection pool is still usable: the next load works.
			if sum := mustLoad(t, db, newerExtract(t), Options{}); sum.Unchanged {
				t.Error("the next load was taken as unchanged")
			}
		})
	}
}

// TestKilledLoadLeavesThePreviousState kills a loading process (SIGKILL,
// no chance to roll back) midway and opens the file afterwards.
func TestKilledLoadLeavesThePreviousState(t *testing.T) {
	if dbPath := os.Getenv("INGEST_KILL_DB"); dbPath != "" {
		// The child: load the newer extract and stop dead after validating meetings.
		db := openDB(t, dbPath)
		testHook = func(s string) {
			if s == "validate meetings.csv" {
				fmt.Println("MIDWAY")
				time.Sleep(time.Minute)
			}
		}
		Load(context.Background(), db, os.Getenv("INGEST_KILL_DIR"), Options{})
		return
	}
	dbPath := filepath.Join(t.TempDir(), "sip.duckdb")
	db := openDB(t, dbPath)
	mustLoad(t, db, "testdata/extract", Options{})
	before := snapshot(t, db)
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledLoadLeavesThePreviousState$")
	cmd.Env = append(os.Environ(), "INGEST_KILL_DB="+dbPath, "INGEST_KILL_DIR="+newerExtract(t))
	killAtMarker(t, cmd, "MIDWAY")

	db = openDB(t, dbPath)
	if after := snapshot(t, db); !reflect.DeepEqual(before, after) {
		t.Errorf("a killed load changed the database")
	}
}

// killAtMarker starts cmd (this test binary re-run as a child load) and kills
// it (SIGKILL) as soon as its stdout shows marker; it fails t if the child
// ends before.
func killAtMarker(t *testing.T, cmd *exec.Cmd, marker string) {
	t.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	var seen strings.Builder
	for !strings.Contains(seen.String(), marker) {
		n, err := out.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the child ended before %s: %v\n%s", marker, err, seen.String())
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
}
