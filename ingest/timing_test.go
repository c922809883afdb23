package ingest

import (
	"log/slog"
	"os"
	"strconv"
	"testing"
	"time"
)

func TestTimingLarge(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("INGEST_TIMING_SIPS"))
	if n == 0 {
		t.Skip("set INGEST_TIMING_SIPS")
	}
	dir := t.TempDir()
	writeLargeExtract(t, dir, n)
	db := openDB(t, "")
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	t0 := time.Now()
	mustLoad(t, db, dir, Options{Logger: log})
	t.Logf("load %v", time.Since(t0))
	db2 := openDB(t, "")
	d, err := Baseline(t.Context(), db2, dir)
	t.Logf("baseline %v %v", d, err)
}
