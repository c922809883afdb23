package ingest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/sipstat/sipstat/contract"
	"golang.org/x/text/encoding/charmap"
)

// BenchmarkStage compares the two ways a CSV file reaches DuckDB: UTF-8 read
// by DuckDB's read_csv, and Windows-1252 transcoded by an x/text stream,
// parsed by encoding/csv and handed over as Arrow (MB/s of file read).
//
//	go test ./ingest -run '^$' -bench BenchmarkStage
func BenchmarkStage(b *testing.B) {
	const rows = 300000
	dir := b.TempDir()
	utf8Path := filepath.Join(dir, "utf8", "participants.csv")
	cpPath := filepath.Join(dir, "cp1252", "participants.csv")
	os.MkdirAll(filepath.Dir(utf8Path), 0o755)
	os.MkdirAll(filepath.Dir(cpPath), 0o755)
	f, err := os.Create(utf8Path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("participant_id;meeting_id;org_type;role;attendance\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(w, "A%d;M%d;Socialtjänst;Kallad;Närvarade\n", i, i/4)
	}
	w.Flush()
	f.Close()
	utf8Bytes, _ := os.ReadFile(utf8Path)
	cp, err := charmap.Windows1252.NewEncoder().Bytes(utf8Bytes)
	if err != nil {
		b.Fatal(err)
	}
	os.WriteFile(cpPath, cp, 0o644)

	tb, _ := contract.Lookup("participants")
	for _, c := range []struct{ name, path, enc string }{
		{"utf-8 read_csv", utf8Path, encUTF8},
		{"windows-1252 stream to Arrow", cpPath, encCP1252},
	} {
		b.Run(c.name, func(b *testing.B) {
			in := &inputFile{Table: tb, Name: "participants.csv", Path: c.path, Format: formatCSV}
			if err := sniffCSV(in); err != nil {
				b.Fatal(err)
			}
			if in.Encoding != c.enc {
				b.Fatalf("encoding %s, want %s", in.Encoding, c.enc)
			}
			db := openDB(b, "")
			ctx := context.Background()
			conn, err := db.Conn(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer conn.Close()
			st, _ := os.Stat(c.path)
			b.SetBytes(st.Size())
			for b.Loop() {
				n := namesFor(tb.Name)
				if err := stage(ctx, conn, in, &n, func(string) {}); err != nil {
					b.Fatal(err)
				}
				if got := count(b, conn, "select count(*) from "+n.Stage); got != rows {
					b.Fatalf("staged %d rows, want %d", got, rows)
				}
			}
		})
	}
}
