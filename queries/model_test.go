package queries

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSchemaMarkdown checks sipstat schema's output and keeps docs/schema.md
// in step with the model: go test ./queries -run TestSchemaMarkdown -update
// rewrites it.
func TestSchemaMarkdown(t *testing.T) {
	db := openSample(t)
	var b bytes.Buffer
	if err := WriteSchema(context.Background(), db, &b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# The sipstat database model",
		"| [`sips`](#sips) | table | SIP-processer (samordnad individuell plan)",
		"\n## sips\n",
		"| `lead_time_days` | BIGINT | yes | Ledtid (dagar)",
		"| `municipality_code` | VARCHAR |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("schema markdown lacks %q", want)
		}
	}
	golden := filepath.Join("..", "docs", "schema.md")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./queries -run TestSchemaMarkdown -update)", err)
	}
	if string(want) != md {
		t.Errorf("docs/schema.md is out of date with the model: run go test ./queries -run TestSchemaMarkdown -update\n%s", firstDiff(string(want), md))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\n  docs: " + w + "\n  now:  " + g
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }
