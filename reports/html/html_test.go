package html_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"github.com/sipstat/sipstat/reports/html"
	"github.com/sipstat/sipstat/reports/internal/reporttest"
	"github.com/sipstat/sipstat/reports/model"
	"github.com/sipstat/sipstat/transform"
)

var created = time.Date(2026, 10, 6, 8, 0, 0, 0, time.UTC)

// parsed is what a test reads back from a written report.
type parsed struct {
	doc    *xhtml.Node
	charts []parsedChart
	// external lists every src/href (and CSS url()) that points off the file.
	external []string
	text     string
}

type parsedChart struct {
	id     string
	unit   string
	option map[string]any
	points []chartPoint
	table  [][]string // the fallback table under the chart, header first
}

// chartPoint is the provenance of a drawn value as the page carries it
// (data-points), decoded into the package's own type.
type chartPoint = html.Point

func attr(n *xhtml.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// isExternal reports whether a reference leaves the file: any scheme with a
// network behind it, or a protocol-relative URL.
func isExternal(ref string) bool {
	r := strings.ToLower(strings.TrimSpace(ref))
	return strings.HasPrefix(r, "http://") || strings.HasPrefix(r, "https://") || strings.HasPrefix(r, "//") ||
		strings.HasPrefix(r, "ftp:") || strings.HasPrefix(r, "ws:") || strings.HasPrefix(r, "wss:")
}

func parseReport(t *testing.T, b []byte) parsed {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse html: %v", err)
	}
	p := parsed{doc: doc}
	byID := map[string]*parsedChart{}
	var order []string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "src", "href", "srcset", "poster", "data", "action", "xlink:href":
					if isExternal(a.Val) {
						p.external = append(p.external, n.Data+" "+a.Key+"="+a.Val)
					}
				case "style":
					if strings.Contains(strings.ToLower(a.Val), "url(") {
						p.external = append(p.external, n.Data+" style="+a.Val)
					}
				}
			}
			switch n.Data {
			case "style":
				css := strings.ToLower(textOf(n))
				if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
					p.external = append(p.external, "style element: "+css)
				}
			case "script":
				if id, ok := attr(n, "data-chart"); ok {
					c := byID[id]
					if c == nil {
						c = &parsedChart{id: id}
						byID[id] = c
						order = append(order, id)
					}
					c.unit, _ = attr(n, "data-unit")
					if err := json.Unmarshal([]byte(textOf(n)), &c.option); err != nil {
						t.Fatalf("chart %s: option is not JSON: %v", id, err)
					}
				}
				if id, ok := attr(n, "data-points"); ok {
					c := byID[id]
					if c == nil {
						t.Fatalf("points of %s before its option", id)
					}
					if err := json.Unmarshal([]byte(textOf(n)), &c.points); err != nil {
						t.Fatalf("chart %s: points are not JSON: %v", id, err)
					}
				}
			case "figure":
				id, _ := attr(n, "id")
				if strings.HasPrefix(id, "fig-") {
					id = strings.TrimPrefix(id, "fig-")
					c := byID[id]
					if c == nil {
						c = &parsedChart{id: id}
						byID[id] = c
						order = append(order, id)
					}
					c.table = tableRows(n)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, id := range order {
		p.charts = append(p.charts, *byID[id])
	}
	p.text = textOf(doc)
	return p
}

// tableRows returns the first table under n as text cells, header first.
func tableRows(n *xhtml.Node) [][]string {
	var rows [][]string
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "tr" {
			var row []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == xhtml.ElementNode && (c.Data == "td" || c.Data == "th") {
					row = append(row, textOf(c))
				}
			}
			rows = append(rows, row)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return rows
}

// dataValue returns the drawn value of a series data item: the number, or
// "-" for a gap; a heat-map item's value is its third element.
func dataValue(item any) any {
	if m, ok := item.(map[string]any); ok {
		item = m["value"]
	}
	if a, ok := item.([]any); ok && len(a) == 3 {
		item = a[2]
	}
	return item
}

func (c parsedChart) series() []map[string]any {
	var out []map[string]any
	switch s := c.option["series"].(type) {
	case []any:
		for _, x := range s {
			out = append(out, x.(map[string]any))
		}
	}
	return out
}

// kpiOutput is the `kpi --suppress` output the fixture stands for: every
// value the fixture inserts into kpi_values, through transform.Suppress.
func kpiOutput(threshold int) map[string]transform.Value {
	trend := transform.LatestCompleteQuarter(reporttest.FixtureAsOf).Trend(8)
	var vals []transform.Value
	for qi, p := range trend {
		for ki, k := range reporttest.FixtureKPIs {
			v := reporttest.FixtureValue(k, ki, qi, -1)
			v.Period, v.Breakdown = p.Label, "total"
			vals = append(vals, v)
			for b, groups := range k.Breakdowns {
				for g, code := range groups {
					v := reporttest.FixtureValue(k, ki, qi, g)
					v.Period, v.Breakdown, v.Group = p.Label, b, code
					vals = append(vals, v)
				}
			}
		}
	}
	transform.Suppress(vals, threshold)
	out := map[string]transform.Value{}
	for _, v := range vals {
		out[valueKey(v.Period, v.KPIID, v.Breakdown, v.Group)] = v
	}
	return out
}

func valueKey(period, kpi, breakdown, group string) string {
	return strings.Join([]string{period, kpi, breakdown, group}, "|")
}

// checkChartData asserts that every data item of every chart is accounted
// for by a point and equals the kpi output for that point's key: the exact
// value, or a gap where the value is suppressed, missing or absent.
// It returns how many numbers and gaps were checked.
func checkChartData(t *testing.T, p parsed, want map[string]transform.Value, r *model.Report) (numbers, gaps int) {
	t.Helper()
	if len(p.charts) < 10 {
		t.Fatalf("%d charts, want the report's sections (at least 10)", len(p.charts))
	}
	for _, c := range p.charts {
		n, g := checkOneChart(t, c, want, r)
		numbers += n
		gaps += g
	}
	return numbers, gaps
}

// reporter is the part of *testing.T the chart checks use, so a test can
// feed them a tampered chart and see that they fail.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// itemWidth is how many points a data item of a series needs: a box plot
// item carries five values (min, Q1, median, Q3, max), each its own KPI;
// any other item one.
func itemWidth(series map[string]any) int {
	switch series["type"] {
	case "boxplot":
		return 5
	case "scatter":
		// A funnel plot's point is a pair: denominator, share.
		if d, _ := series["data"].([]any); len(d) > 0 {
			item := d[0]
			if m, ok := item.(map[string]any); ok {
				item = m["value"]
			}
			if a, ok := item.([]any); ok && len(a) == 2 {
				return 2
			}
		}
	}
	return 1
}

// checkOneChart checks one chart's data items against its points and the
// kpi output. Every data item must be covered exactly once per value (box
// plot: each of its five positions). A box is drawn only when all five of
// its values are figures; if any is hidden or missing the whole item must
// be the gap "-".
func checkOneChart(t reporter, c parsedChart, want map[string]transform.Value, r *model.Report) (numbers, gaps int) {
	t.Helper()
	series := c.series()
	type slot struct{ series, index, dim int }
	need := map[slot]bool{}
	for si, s := range series {
		if s["silent"] == true {
			// Limits and centre lines (kpi_funnel, kpi_spc), not figures.
			continue
		}
		d, _ := s["data"].([]any)
		for j := range d {
			if w := itemWidth(s); w > 1 {
				for k := 0; k < w; k++ {
					need[slot{si, j, k}] = false
				}
			} else {
				need[slot{si, j, -1}] = false
			}
		}
	}
	if len(need) == 0 {
		t.Errorf("chart %s draws no data", c.id)
		return 0, 0
	}
	// wantOf is the kpi output of one point: the figure, or "-".
	wantOf := func(pt chartPoint) any {
		if pt.Source == "kpi_spc" {
			v, ok := want["spc|"+pt.Scope+"|"+pt.KPI+"|"+pt.Period]
			if !ok || v.Value == nil || v.Suppressed {
				return "-"
			}
			return *v.Value
		}
		if pt.Source != "" {
			return float64(qualityCount(t, r, pt.Source, pt.Group))
		}
		// Suppressed, missing and non-finite values are all the gap "-".
		key := valueKey(pt.Period, pt.KPI, pt.Breakdown, pt.Group)
		if pt.Scope != "" {
			key = "scope:" + pt.Scope + "|" + key
		}
		if _, ok := want[key]; !ok && pt.Breakdown != "total" && r.KPI(pt.KPI) != nil && r.KPI(pt.KPI).Unit == transform.UnitCount {
			// A group with no row had no units: a count shows 0 (Kolada).
			return 0.0
		}
		if v, ok := want[key]; ok && pt.Field == "denominator" {
			if v.Suppressed || v.Denominator == nil {
				return "-"
			}
			return *v.Denominator
		}
		if v, ok := want[key]; ok && !v.Suppressed && !v.NoData && v.Value != nil &&
			!math.IsNaN(*v.Value) && !math.IsInf(*v.Value, 0) {
			return *v.Value
		}
		return "-"
	}
	// A box item is a gap as soon as one of its points is.
	boxGap := map[[2]int]bool{}
	for _, pt := range c.points {
		if pt.Dim != nil && wantOf(pt) == "-" {
			boxGap[[2]int{pt.Series, pt.Index}] = true
		}
	}
	for _, pt := range c.points {
		if pt.Series < 0 || pt.Series >= len(series) {
			t.Errorf("chart %s: point %+v names no series", c.id, pt)
			continue
		}
		d, _ := series[pt.Series]["data"].([]any)
		if pt.Index < 0 || pt.Index >= len(d) {
			t.Errorf("chart %s: point %+v names no data item", c.id, pt)
			continue
		}
		sl := slot{pt.Series, pt.Index, -1}
		if pt.Dim != nil {
			sl.dim = *pt.Dim
		}
		covered, ok := need[sl]
		if !ok || covered {
			t.Errorf("chart %s: point %+v does not match one value of the series (dim set: %v; box plot: %v) or repeats one", c.id, pt, pt.Dim != nil, itemWidth(series[pt.Series]) > 1)
			continue
		}
		need[sl] = true

		wantV := wantOf(pt)
		if pt.Elsewhere {
			// The value is drawn by another series (a preliminary quarter).
			wantV = "-"
		}
		var got any
		if pt.Dim == nil {
			got = dataValue(d[pt.Index])
		} else {
			if boxGap[[2]int{pt.Series, pt.Index}] {
				wantV = "-"
			}
			item := d[pt.Index]
			if m, ok := item.(map[string]any); ok {
				item = m["value"]
			}
			switch a := item.(type) {
			case []any:
				if len(a) != itemWidth(series[pt.Series]) {
					t.Errorf("chart %s: box item %d has %d values, want %d", c.id, pt.Index, len(a), itemWidth(series[pt.Series]))
					continue
				}
				got = a[*pt.Dim]
			default:
				got = a // the gap "-" (or anything else, which fails below)
			}
		}
		if got != wantV {
			t.Errorf("chart %s series %d item %d dim %v (%s %s %s %q): drawn %v, kpi output %v", c.id, pt.Series, pt.Index, dimText(pt.Dim), pt.Period, pt.KPI, pt.Breakdown, pt.Group, got, wantV)
		}
		if wantV == "-" {
			gaps++
		} else {
			numbers++
		}
	}
	for sl, covered := range need {
		if !covered {
			t.Errorf("chart %s: series %d item %d dim %d is drawn but no point says where it came from", c.id, sl.series, sl.index, sl.dim)
		}
	}
	return numbers, gaps
}

func dimText(d *int) string {
	if d == nil {
		return "-"
	}
	return fmt.Sprint(*d)
}

// qualityCount is a load count from the model's data-quality section.
func qualityCount(t reporter, r *model.Report, source, group string) int64 {
	t.Helper()
	for _, f := range r.Quality.Files {
		if f.File == group || f.Source+": "+f.File == group {
			switch source {
			case "load_files.rows_loaded":
				return f.Loaded
			case "load_files.rows_rejected":
				return f.Rejected
			}
		}
	}
	for _, f := range r.Quality.Flags {
		if source == "dq_flags.rows" && (f.Rule == group || f.Description == group || f.DescriptionEN == group) {
			return f.Rows
		}
	}
	t.Fatalf("no data-quality count %s for %q", source, group)
	return 0
}

func writeReport(t *testing.T, r *model.Report, o html.Options, name string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := html.WriteOptions(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

func TestFixtureReport(t *testing.T) {
	r := fixtureReport(t)
	path, b := writeReport(t, r, html.Options{}, "sip-rapport-2026Q3.html")
	p := parseReport(t, b)
	want := kpiOutput(r.Meta.Threshold)

	t.Run("nothing in script, link, img or any other element points off the file", func(t *testing.T) {
		for _, e := range p.external {
			t.Errorf("external reference: %s", e)
		}
		var scripts, inline int
		var walk func(*xhtml.Node)
		walk = func(n *xhtml.Node) {
			if n.Type == xhtml.ElementNode && n.Data == "script" {
				scripts++
				if _, ok := attr(n, "src"); ok {
					t.Errorf("a script has a src attribute")
				}
				if strings.Contains(textOf(n), "echarts") && len(textOf(n)) > 500_000 {
					inline++
				}
			}
			if n.Type == xhtml.ElementNode && n.Data == "link" {
				t.Errorf("a link element: %v", n.Attr)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(p.doc)
		if inline != 1 {
			t.Errorf("%d inlined echarts libraries, want 1", inline)
		}
	})

	t.Run("every chart's data equals the kpi output", func(t *testing.T) {
		numbers, gaps := checkChartData(t, p, want, r)
		// The fixture hides group 0 of every breakdown in odd quarters, so
		// both kinds must occur.
		if numbers < 100 || gaps < 10 {
			t.Errorf("checked %d numbers and %d gaps; the fixture should give at least 100 and 10", numbers, gaps)
		}
		t.Logf("%d charts, %d numbers and %d gaps checked", len(p.charts), numbers, gaps)
	})

	t.Run("no NaN or Inf reaches an option", func(t *testing.T) {
		for _, c := range p.charts {
			b, _ := json.Marshal(c.option)
			for _, bad := range []string{"NaN", "Infinity"} {
				if bytes.Contains(b, []byte(bad)) {
					t.Errorf("chart %s option contains %s", c.id, bad)
				}
			}
		}
	})

	t.Run("every chart has a title, axis names and a table with the same figures", func(t *testing.T) {
		for _, c := range p.charts {
			title, _ := c.option["title"].(map[string]any)
			if title == nil || title["text"] == "" || title["text"] == nil {
				t.Errorf("chart %s has no title", c.id)
			}
			for _, ax := range []string{"xAxis", "yAxis"} {
				axes, _ := c.option[ax].([]any)
				if len(axes) == 0 {
					t.Errorf("chart %s has no %s", c.id, ax)
					continue
				}
				a := axes[0].(map[string]any)
				if name, _ := a["name"].(string); name == "" {
					t.Errorf("chart %s: %s has no name", c.id, ax)
				}
			}
			if len(c.table) < 2 {
				t.Errorf("chart %s has no fallback table", c.id)
			}
		}
	})

	t.Run("a suppressed value is a gap in the chart and .. in its table, with the legend", func(t *testing.T) {
		// coverage by municipality, 2026Q3: group 0 (0114) has n = 3 in an
		// odd quarter, so it is hidden, and the next smallest with it.
		c := findChart(t, p, "chart-municipalities")
		v := want[valueKey("2026Q3", "coverage", "municipality", "0114")]
		if !v.Suppressed {
			t.Fatalf("fixture: coverage 2026Q3 0114 should be suppressed: %+v", v)
		}
		found := false
		for _, row := range c.table[1:] {
			if row[0] == "Upplands Väsby" {
				found = true
				if row[1] != ".." {
					t.Errorf("table shows %q for a suppressed value, want ..", row[1])
				}
			}
		}
		if !found {
			t.Errorf("Upplands Väsby missing from the table: %v", c.table)
		}
		if !strings.Contains(p.text, "för få för att visas (färre än 5)") {
			t.Errorf("the legend for .. is missing")
		}
	})

	t.Run("municipalities are sorted best first, hidden ones last", func(t *testing.T) {
		c := findChart(t, p, "chart-municipalities")
		var vals []float64
		seenGap := false
		for _, row := range c.table[1:] {
			if row[1] == ".." || row[1] == "-" {
				seenGap = true
				continue
			}
			if seenGap {
				t.Errorf("a value after a hidden one: %v", c.table)
			}
			var x float64
			fmt.Sscanf(strings.ReplaceAll(row[1], ",", "."), "%g", &x)
			vals = append(vals, x)
		}
		for i := 1; i < len(vals); i++ {
			if vals[i] > vals[i-1] {
				t.Errorf("not sorted best first: %v", vals)
			}
		}
	})

	t.Run("the summary shows the headline KPIs with value, count, status and comparisons", func(t *testing.T) {
		// coverage 2026Q3 = 84.2 % against a 90 % target, but preliminary:
		// not judged; its latest final value is 2026Q2's.
		cv := want[valueKey("2026Q3", "coverage", "total", "")]
		wantText := strings.Replace(fmt.Sprintf("%.1f\u00a0%%", *cv.Value*100), ".", ",", 1)
		row := findByID(p.doc, "card-coverage")
		if row == nil {
			t.Fatal("no coverage row")
		}
		txt := textOf(row)
		count := fmt.Sprintf("%.0f av %.0f", *cv.Numerator, *cv.Denominator)
		if !strings.Contains(txt, wantText) || !strings.Contains(txt, count) || !strings.Contains(txt, "Preliminärt") || strings.Contains(txt, "uppfyllt") || !strings.Contains(txt, "(2026Q2)") {
			t.Errorf("coverage row = %q, want %s, %s, Preliminärt and the 2026Q2 value", txt, wantText, count)
		}
		if !strings.Contains(p.text, "1 av 4 nyckeltal är preliminära") {
			t.Errorf("the summary does not say what is preliminary")
		}
	})

	t.Run("the page draws every chart in headless chromium with the network off", func(t *testing.T) {
		checkDrawn(t, path)
	})
}

func TestFixtureReportEnglish(t *testing.T) {
	r := fixtureReport(t)
	path, b := writeReport(t, r, html.Options{Lang: "en"}, "sip-report-2026Q3.html")
	p := parseReport(t, b)

	t.Run("headings and group labels are English", func(t *testing.T) {
		for _, s := range []string{"SIP report 2026Q3 – Region Stockholm", "Coverage and lead times", "too few to show", "Summary", "Contents", "Definitions"} {
			if !strings.Contains(p.text, s) {
				t.Errorf("missing %q", s)
			}
		}
		for _, s := range []string{"Genomförande och ledtider", "Sammanfattning", "Innehåll"} {
			if strings.Contains(p.text, s) {
				t.Errorf("a Swedish heading %q in the English report", s)
			}
		}
	})

	t.Run("charts show the kpi output", func(t *testing.T) {
		checkChartData(t, p, kpiOutput(r.Meta.Threshold), r)
	})

	t.Run("the page draws every chart in headless chromium with the network off", func(t *testing.T) {
		checkDrawn(t, path)
	})
}

func TestWriteRejectsAnUnknownLanguage(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	err := html.WriteOptions(&buf, r, html.Options{Lang: "de"})
	if err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Fatalf("err = %v, want an error naming the language", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written before the error", buf.Len())
	}
}

// fixtureReport loads the report of the hand-filled fixture.
func fixtureReport(t *testing.T) *model.Report {
	t.Helper()
	r, err := model.Load(context.Background(), reporttest.Fixture(t), model.Options{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func findChart(t *testing.T, p parsed, id string) parsedChart {
	t.Helper()
	for _, c := range p.charts {
		if c.id == id {
			return c
		}
	}
	t.Fatalf("no chart %s", id)
	return parsedChart{}
}

func findByID(n *xhtml.Node, id string) *xhtml.Node {
	if n.Type == xhtml.ElementNode {
		if v, ok := attr(n, "id"); ok && v == id {
			return n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findByID(c, id); f != nil {
			return f
		}
	}
	return nil
}
