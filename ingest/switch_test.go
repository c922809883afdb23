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
	"strconv"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/queries"
	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

// killAt is where TestKillAroundTheSwitch's child stops dead: a step of the
// load (the hook's name) and which of its occurrences (steps may repeat:
// "before commit" is the hook before the model's build and the step after
// it), or "build N": the N-th statement of transform.Build.
type killAt struct {
	step string
	nth  int
}

// buildQuerier passes transform.Build's statements to the load's
// connection and calls at(n) before the n-th.
type buildQuerier struct {
	q  warehouse.Querier
	n  int
	at func(n int)
}

func (b *buildQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	b.n++
	b.at(b.n)
	return b.q.ExecContext(ctx, query, args...)
}

func (b *buildQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return b.q.QueryContext(ctx, query, args...)
}

func (b *buildQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return b.q.QueryRowContext(ctx, query, args...)
}

// modelState is what a reader of the model sees: every KPI value, the
// data-quality flags, the core SIPs and the settings the values were
// computed with (but the minute they were computed).
func modelState(t testing.TB, q warehouse.Querier) map[string][]string {
	t.Helper()
	return map[string][]string{
		"kpi_values":   dump(t, q, "select * from kpi_values order by all"),
		"dq_flags":     dump(t, q, "select * from dq_flags order by all"),
		"sips":         dump(t, q, "select * from sips order by all"),
		"kpi_settings": dump(t, q, "select * from kpi_settings where key <> 'computed_at' order by all"),
		"kpi_coverage": dump(t, q, "select * from kpi_coverage order by all"),
		"participants": dump(t, q, "select count(*) from participants"),
	}
}

func buildModel(ctx context.Context, conn *sql.Conn) error {
	return transform.Build(ctx, conn, transform.DefaultSettings())
}

// TestKillAroundTheSwitch kills a loading process (SIGKILL) at every point
// of the load's two transactions — writing the rows, after they are
// written, after they are committed as pending tables, after the switch's
// renames, checking the rows (taking back the rejected ones), after the
// bookkeeping, in the middle of the model's build, after the build — and
// opens
// the file afterwards: a reader sees the previous raw rows, bookkeeping,
// model and KPI values of both sources exactly, no object but the pending
// tables, and the next load of the same extract removes those and ends
// exactly where an uninterrupted load ends. A kill after the switch's
// commit leaves the new snapshot. The database holds two sources; the load
// replaces one.
func TestKillAroundTheSwitch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process per kill point")
	}
	ctx := context.Background()
	if dbPath := os.Getenv("INGEST_SWITCH_KILL_DB"); dbPath != "" {
		at := strings.Split(os.Getenv("INGEST_SWITCH_KILL_AT"), "#")
		nth, _ := strconv.Atoi(at[1])
		stop := func() {
			fmt.Println("KILLPOINT")
			select {} // until killed
		}
		db := openDB(t, dbPath)
		seen := 0
		testHook = func(s string) {
			if s == at[0] {
				if seen++; seen == nth {
					stop()
				}
			}
		}
		_, err := Load(ctx, db, os.Getenv("INGEST_SWITCH_KILL_DIR"), Options{BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
			return transform.Build(ctx, &buildQuerier{q: conn, at: func(n int) {
				if at[0] == "build" && n == nth {
					stop()
				}
			}}, transform.DefaultSettings())
		}})
		fmt.Println("LOAD ENDED", err)
		return
	}

	work := t.TempDir()
	other := copyFixture(t, "testdata/extract")
	writeManifest(t, other, "Another source", "2026-11-30")
	newer := newerExtract(t)
	prevPath := filepath.Join(work, "prev.duckdb")
	type state struct {
		data, model map[string][]string
		objects     []string
	}
	read := func(path string) state {
		db := openDB(t, path)
		defer db.Close()
		return state{snapshot(t, db), modelState(t, db), dbObjects(t, db)}
	}
	{
		db := openDB(t, prevPath)
		mustLoad(t, db, other, Options{BeforeCommit: buildModel})
		mustLoad(t, db, "testdata/extract", Options{BeforeCommit: buildModel})
		db.Close()
	}
	prevBytes := readFile(t, prevPath)
	prev := read(prevPath)
	// The newer extract loaded to the end (and what a load of it after a
	// kill must give).
	loadNewer := func(path string) state {
		db := openDB(t, path)
		if sum := mustLoad(t, db, newer, Options{BeforeCommit: buildModel}); sum.Unchanged {
			t.Fatal("the newer extract was taken as unchanged")
		}
		db.Close()
		return read(path)
	}
	fullPath := filepath.Join(work, "full.duckdb")
	writeFile(t, fullPath, prevBytes)
	next := loadNewer(fullPath)
	for _, k := range []string{"raw.sips", "load_sources", "kpi_values"} {
		if reflect.DeepEqual(prev.data[k], next.data[k]) && reflect.DeepEqual(prev.model[k], next.model[k]) {
			t.Fatalf("%s: the two snapshots agree; a kill could not be told apart", k)
		}
	}
	if !reflect.DeepEqual(prev.objects, next.objects) {
		t.Fatalf("objects differ between two complete loads:\n%v\n%v", prev.objects, next.objects)
	}
	if got := dump(t, openDB(t, fullPath), "select source from load_sources order by all"); !reflect.DeepEqual(got, []string{"Another source", fixtureSource}) {
		t.Fatalf("sources after the load: %q", got)
	}

	for _, at := range []killAt{
		{"write meetings.csv", 1},
		{"pending", 1},           // the new snapshot written, the load's commit next
		{"pending committed", 1}, // committed as pending tables
		{"switch begun", 1},
		{"switch", 1}, // the renames done, the rows not checked
		{"validate meetings.csv", 1},
		{"bookkeeping", 1}, // the rows checked, the model not built
		{"build", 3},
		{"build", 40},
		{"before commit", 2}, // the model built, the switch's commit next
		{"switch commit", 1}, // committed: the new snapshot
	} {
		name := fmt.Sprintf("%s#%d", at.step, at.nth)
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sip.duckdb")
			writeFile(t, path, prevBytes)
			cmd := exec.Command(os.Args[0], "-test.run", "^TestKillAroundTheSwitch$")
			cmd.Env = append(os.Environ(), "INGEST_SWITCH_KILL_DB="+path, "INGEST_SWITCH_KILL_DIR="+newer,
				"INGEST_SWITCH_KILL_AT="+name)
			killAtMarker(t, cmd, "KILLPOINT")

			got := read(path)
			want := prev
			if at.step == "switch commit" {
				want = next
			}
			for k := range want.data {
				if !reflect.DeepEqual(got.data[k], want.data[k]) {
					t.Errorf("%s differs from the expected snapshot", k)
				}
			}
			for k := range want.model {
				if !reflect.DeepEqual(got.model[k], want.model[k]) {
					t.Errorf("%s differs from the expected snapshot's", k)
				}
			}
			// Only pending tables may be left, and only once committed.
			var extra []string
			for _, o := range got.objects {
				if !contains(want.objects, o) {
					extra = append(extra, o)
				}
			}
			for _, o := range want.objects {
				if !contains(got.objects, o) {
					t.Errorf("object %s is missing", o)
				}
			}
			for _, o := range extra {
				if !strings.HasSuffix(o, pendingSuffix) {
					t.Errorf("stray object %s", o)
				}
			}
			committed := at.step != "write meetings.csv" && at.step != "pending" && at.step != "switch commit"
			if committed != (len(extra) > 0) {
				t.Errorf("pending tables left: %q", extra)
			}
			// sipstat schema does not list them.
			db := openDB(t, path)
			objs, err := queries.Describe(ctx, db, "main", "raw")
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range objs {
				if strings.HasSuffix(o.Name, pendingSuffix) {
					t.Errorf("sipstat schema lists %s.%s", o.Schema, o.Name)
				}
			}
			db.Close()
			// The next load drops them and ends as an uninterrupted load.
			if at.step != "switch commit" {
				after := loadNewer(path)
				if !reflect.DeepEqual(after.data, next.data) || !reflect.DeepEqual(after.model, next.model) || !reflect.DeepEqual(after.objects, next.objects) {
					t.Errorf("the load after the kill ends elsewhere than an uninterrupted one; objects:\n%s", strings.Join(after.objects, "\n"))
				}
			}
		})
	}
}

// withoutPending splits dbObjects' list into the objects but the pending
// tables of a load, and those.
func withoutPending(objs []string) (kept, pending []string) {
	for _, o := range objs {
		if strings.HasPrefix(o, "table ") && strings.HasSuffix(o, pendingSuffix) {
			pending = append(pending, o)
		} else {
			kept = append(kept, o)
		}
	}
	return kept, pending
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestFailedBuildLeavesNoTrace: a model build that fails after the switch's
// renames (and a load cancelled there) leaves the database as it was: the
// rows, the model and the objects — the pending tables are dropped.
func TestFailedBuildLeavesNoTrace(t *testing.T) {
	boom := errors.New("the build failed")
	for _, way := range []string{"error", "cancel"} {
		t.Run(way, func(t *testing.T) {
			db := openDB(t, "")
			mustLoad(t, db, "testdata/extract", Options{BeforeCommit: buildModel})
			data, model, objects := snapshot(t, db), modelState(t, db), dbObjects(t, db)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := Load(ctx, db, newerExtract(t), Options{BeforeCommit: func(ctx context.Context, conn *sql.Conn) error {
				if err := buildModel(ctx, conn); err != nil {
					return err
				}
				if way == "cancel" {
					cancel()
					return nil
				}
				return boom
			}})
			if err == nil {
				t.Fatal("the load succeeded")
			}
			if !reflect.DeepEqual(snapshot(t, db), data) || !reflect.DeepEqual(modelState(t, db), model) {
				t.Error("the failed load changed the data or the model")
			}
			if got := dbObjects(t, db); !reflect.DeepEqual(got, objects) {
				t.Errorf("objects after the failed load:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// TestReloadAtScale loads a newer snapshot of a source over its older one,
// with a persons file of several row groups (written in parallel): every
// row is loaded again and the sips find their persons. In DuckDB 1.5 an
// INSERT … SELECT of no rows from the set-aside table (no other source to
// keep) hid the persons written after it from the load's own reads, and
// every sips row was rejected as "not in persons".
func TestReloadAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 400 000 persons twice")
	}
	dir := copyFixture(t, "testdata/extract")
	var b strings.Builder
	b.WriteString("person_id,birth_year,sex,kommentar\n")
	for _, p := range []string{"P001,1948,female,bor i Södertälje", "P002,1985,male,", "P003,2012,female,", "P004,1990,unknown,"} {
		b.WriteString(p + "\n")
	}
	const n = 237_000
	for i := range n {
		fmt.Fprintf(&b, "X%07d,%d,female,\n", i, 1920+i%90)
	}
	writeFile(t, filepath.Join(dir, "persons.csv"), []byte(b.String()))
	other := copyFixture(t, "testdata/extract")
	writeManifest(t, other, "Another source", "2026-11-30")
	for _, beside := range []bool{false, true} {
		t.Run(fmt.Sprintf("beside another source %v", beside), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "sip.duckdb")
			db := openDB(t, path)
			want := int64(n + 4)
			if beside {
				mustLoad(t, db, other, Options{})
				want += 4
			}
			writeManifest(t, dir, fixtureSource, "2026-10-05")
			first := mustLoad(t, db, dir, Options{})
			db.Close() // a checkpoint: the rows are in the file's blocks
			db = openDB(t, path)
			writeManifest(t, dir, fixtureSource, "2027-01-08")
			second := mustLoad(t, db, dir, Options{})
			if second.Unchanged {
				t.Fatal("the newer snapshot was taken as unchanged")
			}
			if !reflect.DeepEqual(first.Files, second.Files) {
				t.Errorf("the reload's files differ from the first load's:\n%v\n%v", first.Files, second.Files)
			}
			if got := count(t, db, "select count(*) from raw.persons"); got != want {
				t.Errorf("raw.persons holds %d rows, want %d", got, want)
			}
		})
	}
}

// TestNoTransformKeepsComments: a load without a model build
// (load --no-transform) replaces the raw.* and load_* tables, and their
// documentation (COMMENT ON by transform.Build) comes along.
func TestNoTransformKeepsComments(t *testing.T) {
	db := openDB(t, "")
	mustLoad(t, db, "testdata/extract", Options{BeforeCommit: buildModel})
	const comments = `select table_name, '' as column_name, comment from duckdb_tables() where schema_name in ('raw', 'main') and table_name like 'load%' and comment <> ''
		union all select table_name, column_name, comment from duckdb_columns() where schema_name in ('raw', 'main') and table_name like 'load%' and comment <> ''
		order by all`
	before := dump(t, db, comments)
	if len(before) < 10 {
		t.Fatalf("the built database documents %d load_* tables and columns", len(before))
	}
	mustLoad(t, db, newerExtract(t), Options{})
	if after := dump(t, db, comments); !reflect.DeepEqual(after, before) {
		t.Errorf("comments after a load without a build: %d, before: %d", len(after), len(before))
	}
}
