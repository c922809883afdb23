package html

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strings"
)

// The echarts library is copied into assets/ at build time by `make assets`
// (npm ci, pinned by package-lock.json) and embedded here. The directory is
// embedded rather than the file so that packages importing this one still
// build before the asset exists; Write then fails with a clear message.
//
//go:embed assets
var assets embed.FS

//go:embed page.html.tmpl
var pageTemplate string

//go:embed page.js
var pageScript string

var tmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"js":   func(s string) template.JS { return template.JS(s) },
	"json": func(b []byte) template.JS { return template.JS(b) },
}).Parse(pageTemplate))

// library returns echarts.min.js, made safe to inline in a <script> element.
func library() (string, error) {
	b, err := assets.ReadFile("assets/echarts.min.js")
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("reports/html/assets/echarts.min.js is missing: run `make assets` (npm ci --prefix reports/html) to fetch the pinned echarts library")
	}
	if err != nil {
		return "", fmt.Errorf("read embedded echarts library: %w", err)
	}
	if len(b) < 100_000 || !strings.Contains(string(b[:min(len(b), 4096)]), "echarts") {
		return "", fmt.Errorf("reports/html/assets/echarts.min.js (%d bytes) does not look like the echarts library: run `make assets`", len(b))
	}
	return inlineSafe(string(b)), nil
}

// inlineSafe keeps a script's text from ending its <script> element early
// or entering the HTML parser's "escaped" script states. Inside JavaScript
// strings and regular expressions "<\/" means the same as "</".
func inlineSafe(js string) string {
	return strings.ReplaceAll(scriptEnd.ReplaceAllString(js, `<\/$1`), "<!--", `<\!--`)
}

var scriptEnd = regexp.MustCompile(`(?i)</(script)`)

// page is everything the template shows.
type page struct {
	Lang     string
	Title    string
	Subtitle string
	Meta     []metaItem
	Legend   []metaItem
	Cards    []card
	// TOC links the sections, the summary first, the definitions last.
	TOC []tocItem
	// Highlights are the summary's generated sentences; Steering its table.
	Highlights []string
	Steering   steeringView
	Sections   []section
	// Definitions are every KPI's plain definition, at the end.
	Definitions []definition
	Library     string // the echarts library, inlined
	Script      string // the page's chart set-up
	Footer      string
}

type metaItem struct{ Term, Desc string }

type tocItem struct{ ID, Title string }

// steeringView is the summary's table of the headline KPIs.
type steeringView struct {
	Head []string
	Rows []steeringRow
}

// steeringRow is one headline KPI: its cells, each with the column's name
// for the narrow layout, and a class saying how it is judged.
type steeringRow struct {
	ID, Name, Family string
	Cells            []steeringCell
}

type steeringCell struct {
	Label, Text, Class string
}

// definition is one KPI's plain definition.
type definition struct {
	ID, Name, Family, Unit, Direction, Text string
}

// card is one KPI of the headline row.
type card struct {
	ID, Name    string
	Value       string
	Status      string // model.Status
	StatusText  string
	Symbol      string // a shape that carries the status without colour
	Target      string
	Previous    string
	YearAgo     string
	Description string
}

// section is one heading of the report with its charts and plain tables.
type section struct {
	ID, Title, Intro string
	Charts           []chartView
	Tables           []tableView
}

// chartView is a chart ready for the template.
type chartView struct {
	chart
	PointsJSON []byte
	Caption    string
}

// tableView is a table without a chart (summary, mapping, load details).
type tableView struct {
	ID, Caption string
	// Heading, when set, is shown above the table as a heading of its own;
	// Lead is a sentence below it (what the data show).
	Heading, Lead string
	Note          string
	Head          []string
	Rows          [][]string
}

func newChartView(c chart, caption string) (chartView, error) {
	pts, err := json.Marshal(c.Points)
	if err != nil {
		return chartView{}, fmt.Errorf("chart %s: encode points: %w", c.ID, err)
	}
	return chartView{chart: c, PointsJSON: pts, Caption: caption}, nil
}

func render(w io.Writer, p *page) error {
	if err := tmpl.Execute(w, p); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	return nil
}
