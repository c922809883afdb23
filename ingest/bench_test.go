package ingest

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// writeLargeExtract writes a valid extract of n SIPs (about 30 rows per SIP
// over all tables) for benchmarks: UTF-8, comma-separated, like the fixture.
func writeLargeExtract(t testing.TB, dir string, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	files := map[string]*bufio.Writer{}
	var closers []*os.File
	// w creates a table's file (files[table]) with the contract's header.
	w := func(table string) {
		f, err := os.Create(filepath.Join(dir, table+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		closers = append(closers, f)
		bw := bufio.NewWriterSize(f, 1<<20)
		bw.WriteString(csvHeader(table))
		files[table] = bw
	}
	for _, table := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews", "interventions", "discharges", "survey_questions", "survey_responses", "survey_answers"} {
		w(table)
	}
	for q := 1; q <= 8; q++ {
		fmt.Fprintf(files["survey_questions"], "B2026,Q%d,overall,Fråga %d om samordningen i Södertälje,1,5\n", q, q)
	}
	os.WriteFile(filepath.Join(dir, manifestName), []byte(`{"contract_version":"1","source":"bench","region_code":"01","extracted_at":"2026-10-05"}`), 0o644)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	day := func(d int) string { return base.AddDate(0, 0, d).Format(time.DateOnly) }
	munis := []string{"0180", "0181", "0182", "0183", "0184"}
	orgs := []string{"municipal_social_services", "municipal_health_care", "primary_care", "adult_psychiatry", "school", "addiction_care"}
	sexes := []string{"female", "male"}
	mt, pt, gt := 0, 0, 0
	for i := 1; i <= n; i++ {
		pid := "P" + strconv.Itoa(i)
		sid := "S" + strconv.Itoa(i)
		mun := munis[i%len(munis)]
		d0 := rng.IntN(900)
		fmt.Fprintf(files["persons"], "%s,%d,%s\n", pid, 1930+rng.IntN(90), sexes[i%2])
		fmt.Fprintf(files["sips"], "%s,%s,01,%s,standard,mental_health,%s,%s,false,%s,%s,true,shared_it_service,,,\n", sid, pid, mun, orgs[i%len(orgs)], day(d0), day(d0+3), orgs[(i+1)%len(orgs)])
		fmt.Fprintf(files["consents"], "C%d,%s,given,%s,both,individual,\n", i, sid, day(d0+1))
		var mids []string
		for k := 0; k < 4; k++ {
			mt++
			mid := "M" + strconv.Itoa(mt)
			mids = append(mids, mid)
			kind := "follow_up"
			if k == 0 {
				kind = "initial"
			}
			fmt.Fprintf(files["meetings"], "%s,%s,%s,%s,held,%s,video,present,,true,%s\n", mid, sid, kind, day(d0+7+k*60), day(d0+7+k*60), day(d0+67+k*60))
			for p := 0; p < 4; p++ {
				pt++
				fmt.Fprintf(files["participants"], "A%d,%s,%s,summoned,attended\n", pt, mid, orgs[(i+p)%len(orgs)])
			}
		}
		for g := 0; g < 3; g++ {
			gt++
			fmt.Fprintf(files["goals"], "G%d,%s,%s,housing,%s,%s\n", gt, sid, mids[0], orgs[g], day(d0+200))
			fmt.Fprintf(files["goal_reviews"], "G%d,%s,partly_achieved\n", gt, mids[1+g])
		}
		fmt.Fprintf(files["interventions"], "I%d,%s,%s,%s,\nI%d-b,%s,%s,%s,%s\n", i, sid, orgs[i%len(orgs)], day(d0+10), i, sid, orgs[(i+2)%len(orgs)], day(d0+12), day(d0+300))
		if i%3 == 0 {
			fmt.Fprintf(files["discharges"], "D%d,%s,01,%s,%s,%s,somatic,true,false,%s\n", i, pid, mun, day(d0-3), day(d0-1), sid)
		}
		if i%2 == 0 {
			fmt.Fprintf(files["survey_responses"], "R%d,B2026,%s,individual,01,%s,%s\n", i, day(d0+250), mun, sid)
			for q := 1; q <= 8; q++ {
				fmt.Fprintf(files["survey_answers"], "R%d,Q%d,%d\n", i, q, 1+rng.IntN(5))
			}
		}
	}
	for _, bw := range files {
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range closers {
		f.Close()
	}
}

// BenchmarkLoad loads a generated extract (INGEST_BENCH_SIPS SIPs, default
// 20 000; the target case is 200 000 ≈ 6 M rows) and reports the ratio to
// DuckDB's own typed read_csv of the same files.
//
//	INGEST_BENCH_SIPS=200000 go test ./ingest -run '^$' -bench BenchmarkLoad -benchtime 1x
func BenchmarkLoad(b *testing.B) {
	n := 20000
	if s := os.Getenv("INGEST_BENCH_SIPS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		n = v
	}
	dir := b.TempDir()
	writeLargeExtract(b, dir, n)
	tmp := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		m, err := Measure(context.Background(), dir, tmp)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(m.Ratio, "ratio")
		b.ReportMetric(float64(m.Rows)/m.Load.Seconds(), "rows/s")
		b.Logf("%s", m)
	}
}

func TestLargeExtractLoadsClean(t *testing.T) {
	dir := t.TempDir()
	writeLargeExtract(t, dir, 300)
	db := openDB(t, "")
	sum := mustLoad(t, db, dir, Options{})
	if sum.Rejects != 0 {
		t.Errorf("generated extract had %d rejects: %v", sum.Rejects, sum.RejectSamples)
	}
}
