package queries

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/warehouse"
)

// The sample database is built as the CLI builds it (transform.Build
// documents the model), so every table, view and column of main must carry a
// comment.
func TestEveryCoreColumnHasAComment(t *testing.T) {
	db := openSample(t)
	missing, err := undocumented(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("%d tables/columns of main have no comment; add them to transform/sql/docs:\n  %s",
			len(missing), strings.Join(missing, "\n  "))
	}
	// The core tables the architecture names must be there at all.
	objs, err := Describe(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, o := range objs {
		have[o.Name] = true
	}
	for _, name := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews",
		"interventions", "discharges", "deviations", "survey_questions", "survey_responses", "survey_answers",
		"population", "ref_municipalities", "ref_org_types", "ref_codes", "dq_rules", "dq_flags", "kpi_catalog", "kpi_values"} {
		if !have[name] {
			t.Errorf("core table %s is missing from the model", name)
		}
	}
}

// undocumented lists the tables, views and columns of schema main that have
// no comment, as "table" or "table.column".
func undocumented(ctx context.Context, q warehouse.Querier) ([]string, error) {
	objs, err := Describe(ctx, q, "main")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, o := range objs {
		if strings.TrimSpace(o.Comment) == "" {
			out = append(out, qualified(o))
		}
		for _, c := range o.Columns {
			if strings.TrimSpace(c.Comment) == "" {
				out = append(out, qualified(o)+"."+c.Name)
			}
		}
	}
	return out, nil
}

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
