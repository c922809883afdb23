package ingest

import (
	"testing"
	"time"
)

func TestZZTiming(t *testing.T) {
	ex, _ := scanExtract("../bench/out/extract-5000-seed1-default")
	_ = ex
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		ex, err := scanExtract("../bench/out/extract-20000-seed1-default")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("scanExtract %v", time.Since(t0))
		if i == 0 {
			for _, f := range ex.Files {
				t0 := time.Now()
				sniffCSV(f)
				t.Logf("  %s %v", f.Name, time.Since(t0))
			}
		}
	}
}
