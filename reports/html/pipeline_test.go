package html_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/reports/html"
	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

func TestMain(m *testing.M) { reporttest.Main(m) }

// kpiValues is what `kpi --suppress` prints for the trend's quarters: the
// catalogue's values through transform.Suppress, read with transform's own
// API rather than through the report model.
func kpiValues(t *testing.T, r *model.Report) map[string]transform.Value {
	t.Helper()
	db := reporttest.Open(t)
	var periods []string
	for _, p := range r.Meta.Trend {
		periods = append(periods, p.Label)
	}
	vals, err := transform.Values(context.Background(), db, transform.Filter{Periods: periods})
	if err != nil {
		t.Fatal(err)
	}
	transform.Suppress(vals, r.Meta.Threshold)
	out := map[string]transform.Value{}
	for _, v := range vals {
		out[valueKey(v.Period, v.KPIID, v.Breakdown, v.Group)] = v
	}
	// The control charts' months (kpi_spc's total series; a municipality's
	// own in its scope), keyed spc|scope|kpi|month, hidden below the
	// small-number threshold as the report hides them.
	spc := func(q interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}, scope string) {
		rows, err := q.QueryContext(context.Background(), `select kpi_id, strftime(month, '%Y-%m'), value, denominator from kpi_spc where breakdown = 'total'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, month string
			var v, den *float64
			if err := rows.Scan(&id, &month, &v, &den); err != nil {
				t.Fatal(err)
			}
			val := transform.Value{Value: v}
			if den != nil && *den > 0 && *den < float64(r.Meta.Threshold) {
				val.Suppressed = true
			}
			out["spc|"+scope+"|"+id+"|"+month] = val
		}
	}
	if m := r.Meta.Municipality; m != "" {
		conn, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		release, err := transform.ScopeTables(context.Background(), conn, m, transform.Params{Periods: r.Meta.Trend})
		if err != nil {
			t.Fatal(err)
		}
		spc(conn, m)
		release()
		conn.Close()
	} else {
		spc(db, "")
	}
	if m := r.Meta.Municipality; m != "" {
		// A municipality's own figures: transform's municipality scope.
		scoped, err := transform.ScopeValues(context.Background(), db, m, transform.Params{Periods: r.Meta.Trend})
		if err != nil {
			t.Fatal(err)
		}
		transform.Suppress(scoped, r.Meta.Threshold)
		for _, v := range scoped {
			out["scope:"+m+"|"+valueKey(v.Period, v.KPIID, v.Breakdown, v.Group)] = v
		}
	}
	return out
}

// TestPipelineReport runs the real pipeline (sampledata.Generate → ingest.Load
// with transform.Build → model.Load) and checks the written report against
// the kpi output and in headless Chromium.
func TestPipelineReport(t *testing.T) {
	db := reporttest.Open(t)
	for _, tc := range []struct {
		name, municipality, lang, file string
	}{
		{"the region's report", "", "sv", "sip-rapport-2026Q3.html"},
		{"a municipality's report in English", "0180", "en", "sip-report-2026Q3-0180.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := model.Load(context.Background(), db, model.Options{Created: created, Municipality: tc.municipality})
			if err != nil {
				t.Fatal(err)
			}
			path, b := writeReport(t, r, html.Options{Lang: tc.lang}, tc.file)
			p := parseReport(t, b)
			want := kpiValues(t, r)

			t.Run("nothing points off the file", func(t *testing.T) {
				for _, e := range p.external {
					t.Errorf("external reference: %s", e)
				}
			})
			t.Run("every chart's data equals the kpi output", func(t *testing.T) {
				numbers, gaps := checkChartData(t, p, want, r)
				if numbers < 100 {
					t.Errorf("only %d numbers drawn from the sample", numbers)
				}
				t.Logf("%d charts, %d numbers and %d gaps checked (%d bytes)", len(p.charts), numbers, gaps, len(b))
			})
			t.Run("lead time by context is a box plot of the five catalogue figures", func(t *testing.T) {
				c := findChart(t, p, "chart-leadtime-context")
				s := c.series()
				if len(s) == 0 || s[0]["type"] != "boxplot" {
					t.Fatalf("series = %v, want a boxplot first", s)
				}
				boxes, _ := s[0]["data"].([]any)
				dims := 0
				for _, pt := range c.points {
					if pt.Dim != nil {
						dims++
					}
				}
				if len(boxes) == 0 || dims != 5*len(boxes) {
					t.Errorf("%d boxes, %d box points; want five per box", len(boxes), dims)
				}
				drawn := 0
				for _, b := range boxes {
					if v, ok := b.(map[string]any)["value"].([]any); ok {
						drawn++
						for i := 1; i < len(v); i++ {
							if v[i].(float64) < v[i-1].(float64) {
								t.Errorf("box %v is not min ≤ Q1 ≤ median ≤ Q3 ≤ max", v)
							}
						}
					}
				}
				if drawn == 0 {
					t.Errorf("no box drawn from the sample")
				}
				if len(c.table) != len(boxes)+1 || len(c.table[0]) != 7 {
					t.Errorf("table %v: want a header and one row per context, 7 columns", c.table)
				}
			})
			t.Run("the headline cards are the kpi output", func(t *testing.T) {
				key := func(id string) string { return valueKey(r.Meta.Period.Label, id, "total", "") }
				if tc.municipality != "" {
					key = func(id string) string {
						return "scope:" + tc.municipality + "|" + valueKey(r.Meta.Period.Label, id, "total", "")
					}
				}
				for _, id := range []string{"coverage", "within_target_share", "summoned_attendance_share"} {
					card := findByID(p.doc, "card-"+id)
					if card == nil {
						t.Errorf("no card for %s", id)
						continue
					}
					v := want[key(id)]
					k := r.KPI(id)
					if !strings.Contains(textOf(card), html.FormatValue(&v, k.Unit, tc.lang)) {
						t.Errorf("card %s = %q, want %s", id, textOf(card), html.FormatValue(&v, k.Unit, tc.lang))
					}
				}
			})
			t.Run("the page draws every chart in headless chromium with the network off", func(t *testing.T) {
				checkDrawn(t, path)
			})
		})
	}
}
