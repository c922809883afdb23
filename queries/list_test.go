package queries

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestWriteList(t *testing.T) {
	var b bytes.Buffer
	if err := WriteList(&b, FormatCSV); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "name,description,parameters,grain" {
		t.Fatalf("header %v", recs[0])
	}
	found := false
	for _, r := range recs[1:] {
		if r[0] == "lead_times_by_municipality" {
			found = true
			if !strings.Contains(r[2], "quarters int = 8") || !strings.HasPrefix(r[1], "Lead times from detected need") || !strings.HasPrefix(r[3], "one row per quarter") {
				t.Errorf("lead_times_by_municipality listed as %q", r)
			}
		}
	}
	if !found || len(recs) < 11 {
		t.Errorf("%d queries listed, lead_times_by_municipality found: %v", len(recs)-1, found)
	}
	if _, err := Lookup("no_such_query"); err == nil || !strings.Contains(err.Error(), "lead_times_by_municipality") {
		t.Errorf("Lookup of a missing query: %v", err)
	}
}
