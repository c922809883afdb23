package transform

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// specIDsFile is kpis.md's KPI id list, vendored: the one list of the
// spec's ids the tests of transform and transform_test compare with.
const specIDsFile = "testdata/spec/kpi_ids.txt"

var (
	specPath   = flag.String("spec", "", "kpis.md to compare "+specIDsFile+" with (TestSpecKPIList)")
	updateSpec = flag.Bool("update", false, "with -spec: rewrite "+specIDsFile+" from kpis.md")
)

// specIDs are the KPI ids of kpis.md, in its order.
var specIDs = mustReadIDs(specIDsFile)

// addedIDs are the KPIs added after kpis.md, in catalogue order: the process
// funnel and the box plot's lead-time quartiles.
var addedIDs = []string{
	"sips_consented", "sips_invited", "initial_meetings_held",
	"lead_time_p25_days", "lead_time_p75_days", "lead_time_min_days", "lead_time_max_days",
	"followups_held",
}

// readIDs reads an id list: one id a line; blank lines and # comments skipped.
func readIDs(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ids []string
	for line := range strings.SplitSeq(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			ids = append(ids, line)
		}
	}
	return ids, nil
}

func mustReadIDs(path string) []string {
	ids, err := readIDs(path)
	if err != nil {
		panic(err)
	}
	return ids
}

// specTableIDs are the ids of kpis.md's tables: the first cell of each row
// "| `id` | …".
func specTableIDs(md string) []string {
	var ids []string
	for line := range strings.SplitSeq(md, "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cell := strings.TrimSpace(strings.SplitN(line[1:], "|", 2)[0])
		ids = append(ids, strings.Trim(cell, "`"))
	}
	return ids
}

var kpiIDRe = regexp.MustCompile(`^[a-z][a-z0-9_]*[a-z0-9]$`)

// TestSpecKPIList checks the vendored list: ids of KPI form, each once, as
// many as kpis.md had when vendored; with -spec PATH/kpis.md, that it is the
// spec's list (-update rewrites it from the spec).
func TestSpecKPIList(t *testing.T) {
	if len(specIDs) < 40 {
		t.Errorf("%s holds %d ids, kpis.md has 46", specIDsFile, len(specIDs))
	}
	seen := map[string]bool{}
	for _, id := range specIDs {
		if !kpiIDRe.MatchString(id) || seen[id] {
			t.Errorf("%s: %q is no KPI id or is listed twice", specIDsFile, id)
		}
		seen[id] = true
	}
	if *specPath == "" {
		return
	}
	md, err := os.ReadFile(*specPath)
	if err != nil {
		t.Fatal(err)
	}
	ids := specTableIDs(string(md))
	if *updateSpec {
		b, err := os.ReadFile(specIDsFile)
		if err != nil {
			t.Fatal(err)
		}
		var head []string
		for line := range strings.SplitSeq(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				head = append(head, line)
			}
		}
		out := strings.Join(append(head, ids...), "\n") + "\n"
		if err := os.WriteFile(specIDsFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !slices.Equal(ids, specIDs) {
		t.Errorf("%s lists\n%v\n%s holds\n%v\n(refresh: -update)", *specPath, ids, specIDsFile, specIDs)
	}
}
