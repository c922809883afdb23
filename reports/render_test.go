package reports_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/sipstat/sipstat/internal/browsertest"
)

// maxWorkbookPages is the most pages the region's workbook may print.
const maxWorkbookPages = 40

// TestRenderedReport judges the reports as a reader sees them: the
// workbook printed by LibreOffice in a Swedish locale, the HTML in headless
// Chromium at 400 px. From the rendered output it checks that the summary
// is one page, the workbook prints within maxWorkbookPages with no page
// LibreOffice had to add (every break is the layout's, so no chart is
// split), no chart lies over another chart or a table, no element of the
// HTML is wider than a 400 px screen, and the heat map's worst cell is the
// warm colour and its best the green.
func TestRenderedReport(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice")
	pdftotext := tool(t, "pdftotext")
	w := writeWorkbook(t, "")
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, w.path)
	cmd.Env = append(os.Environ(), "LC_ALL=sv_SE.UTF-8", "LANG=sv_SE.UTF-8", "LANGUAGE=sv")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(w.path), ".xlsx")+".pdf")
	text, err := exec.CommandContext(ctx, pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
	// The sheet of each page: the header ends with the sheet's name (&A).
	perSheet := map[string]int{}
	sheets := w.f.GetSheetList()
	for _, p := range pages {
		head, _, _ := strings.Cut(strings.TrimLeft(p, "\n "), "\n")
		head = strings.TrimSpace(head)
		for _, s := range sheets {
			if strings.HasSuffix(head, s) {
				perSheet[s]++
				break
			}
		}
	}
	t.Logf("%d pages printed: %v", len(pages), perSheet)

	t.Run("the summary prints on one page at 90 % or more", func(t *testing.T) {
		layout, err := w.f.GetPageLayout("Sammanfattning")
		if err != nil || layout.AdjustTo == nil || *layout.AdjustTo < 90 {
			t.Fatalf("summary scale = %+v", layout)
		}
		if perSheet["Sammanfattning"] != 1 {
			t.Errorf("the summary printed on %d pages", perSheet["Sammanfattning"])
		}
		if !strings.Contains(pages[0], "Det viktigaste") || !strings.Contains(pages[0], "Uppföljning i tid") || !strings.Contains(pages[0], "Tecken:") {
			t.Errorf("page 1 lacks the summary's sentences, table or legend:\n%s", pages[0])
		}
	})

	t.Run("the workbook prints within the page limit", func(t *testing.T) {
		if len(pages) > maxWorkbookPages {
			t.Errorf("%d pages, want at most %d", len(pages), maxWorkbookPages)
		}
		if perSheet["Värden"] > 1 {
			t.Errorf("the values sheet printed %d pages", perSheet["Värden"])
		}
	})

	anchors := readAnchors(t, w.path, w.f)
	t.Run("no chart lies over another chart or a table, and LibreOffice added no page break", func(t *testing.T) {
		charts := 0
		for _, sheet := range familySheets {
			as := anchors[sheet]
			charts += len(as.charts)
			if len(as.charts) == 0 {
				t.Errorf("%s: no chart", sheet)
			}
			for i, a := range as.charts {
				for _, b := range as.charts[i+1:] {
					if a.overlaps(b) {
						t.Errorf("%s: charts overlap: %v and %v", sheet, a, b)
					}
				}
				tables, _ := w.f.GetTables(sheet)
				for _, tb := range tables {
					r := rangeRect(t, w.f, sheet, tb.Range)
					if a.overlaps(r) {
						t.Errorf("%s: chart %v lies over table %s %v", sheet, a, tb.Range, r)
					}
				}
				for _, brk := range as.breaks {
					if a.row0 < brk && brk <= a.row1 {
						t.Errorf("%s: chart rows %d–%d are split by the page break before row %d", sheet, a.row0, a.row1, brk)
					}
				}
			}
			// Every page of the sheet is one the layout made: LibreOffice
			// needed no automatic break, so none fell inside a chart.
			if got, want := perSheet[sheet], len(as.breaks)+1; got != want {
				t.Errorf("%s: printed %d pages, the layout made %d", sheet, got, want)
			}
		}
		t.Logf("%d charts on %d family sheets checked", charts, len(familySheets))
	})

	t.Run("no element of the HTML is wider than a 400 px screen; the heat map's worst cell is warm", func(t *testing.T) {
		html := strings.TrimSuffix(w.path, ".xlsx") + ".html"
		res := inChromium(t, html, 400)
		if res.ScrollWidth > 400 {
			t.Errorf("the page scrolls sideways: %d px wide", res.ScrollWidth)
		}
		for _, e := range res.Wide {
			t.Errorf("wider than the screen: %s", e)
		}
		if len(res.Heat) == 0 {
			t.Fatal("no heat map cells sampled")
		}
		for _, h := range res.Heat {
			t.Logf("%s: worst %v %v, best %v %v", h.Chart, h.WorstValue, h.Worst, h.BestValue, h.Best)
			warm := func(c [3]int) bool { return c[0] > c[1]+40 && c[0] > c[2]+40 }
			green := func(c [3]int) bool { return c[1] > c[0]+20 && c[1] > c[2]+20 }
			if !warm(h.Worst) || !green(h.Best) {
				t.Errorf("%s: worst cell (%v) rgb %v, best (%v) rgb %v: want the worst warm and the best green", h.Chart, h.WorstValue, h.Worst, h.BestValue, h.Best)
			}
		}
	})
}

type rect struct{ x0, y0, x1, y1, row0, row1 float64 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a rect) String() string {
	return fmt.Sprintf("[x %.0f–%.0f, y %.0f–%.0f px]", a.x0, a.x1, a.y0, a.y1)
}

// grid converts cells to pixels as Excel lays a sheet out: a column of width
// w is w·7+5 px (Calibri 11), a row of h points h·4/3 px.
type grid struct {
	cols []float64 // left edge of column i (0-based)
	rows []float64 // top edge of row i (0-based)
}

func newGrid(f *excelize.File, sheet string, nCols, nRows int) grid {
	g := grid{cols: make([]float64, nCols+1), rows: make([]float64, nRows+1)}
	for c := 0; c < nCols; c++ {
		name, _ := excelize.ColumnNumberToName(c + 1)
		w, _ := f.GetColWidth(sheet, name)
		g.cols[c+1] = g.cols[c] + float64(int(w*7+5))
	}
	for r := 0; r < nRows; r++ {
		h, _ := f.GetRowHeight(sheet, r+1)
		g.rows[r+1] = g.rows[r] + h*4/3
	}
	return g
}

func rangeRect(t *testing.T, f *excelize.File, sheet, rng string) rect {
	a, b, _ := strings.Cut(rng, ":")
	c0, r0, err1 := excelize.CellNameToCoordinates(a)
	c1, r1, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("range %q", rng)
	}
	g := newGrid(f, sheet, c1+1, r1+1)
	return rect{x0: g.cols[c0-1], x1: g.cols[c1], y0: g.rows[r0-1], y1: g.rows[r1], row0: float64(r0 - 1), row1: float64(r1 - 1)}
}

type sheetAnchors struct {
	charts []rectRows
	breaks []int // 0-based rows a printed page starts at
}

type rectRows struct {
	rect
	row0, row1 int // 0-based rows the chart covers
}

func (a rectRows) overlaps(b any) bool {
	switch o := b.(type) {
	case rectRows:
		return a.rect.overlaps(o.rect)
	case rect:
		return a.rect.overlaps(o)
	}
	return false
}

var (
	anchorRe = regexp.MustCompile(`(?s)<xdr:twoCellAnchor[^>]*>\s*<xdr:from><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff><xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff></xdr:from><xdr:to><xdr:col>(\d+)</xdr:col><xdr:colOff>(\d+)</xdr:colOff><xdr:row>(\d+)</xdr:row><xdr:rowOff>(\d+)</xdr:rowOff></xdr:to>`)
	brkRe    = regexp.MustCompile(`<rowBreaks[^>]*>(.*?)</rowBreaks>`)
	brkIDRe  = regexp.MustCompile(`<brk id="(\d+)"`)
)

// readAnchors reads every sheet's chart anchors (in pixels, as Excel lays
// them out) and its row page breaks from the workbook's XML.
func readAnchors(t *testing.T, path string, f *excelize.File) map[string]sheetAnchors {
	t.Helper()
	parts := openParts(t, path)
	out := map[string]sheetAnchors{}
	const emuPerPx = 9525.0
	for _, sh := range parts.sheets() {
		name := sh.name
		sx := parts.read(sh.path)
		var sa sheetAnchors
		if b := brkRe.FindStringSubmatch(sx); b != nil {
			for _, id := range brkIDRe.FindAllStringSubmatch(b[1], -1) {
				n, _ := strconv.Atoi(id[1])
				sa.breaks = append(sa.breaks, n)
			}
		}
		for _, drawing := range parts.drawings(sh.path, sx) {
			dx := parts.read(drawing)
			for _, a := range anchorRe.FindAllStringSubmatch(dx, -1) {
				n := make([]float64, 9)
				for i := 1; i <= 8; i++ {
					n[i], _ = strconv.ParseFloat(a[i], 64)
				}
				g := newGrid(f, name, int(n[5])+2, int(n[7])+400)
				x0 := g.cols[int(n[1])] + n[2]/emuPerPx
				x1 := g.cols[int(n[5])] + n[6]/emuPerPx
				y0 := g.rows[int(n[3])] + n[4]/emuPerPx
				y1 := g.rows[int(n[7])] + n[8]/emuPerPx
				// The last row the chart reaches.
				last := int(n[3])
				for last+1 < len(g.rows) && g.rows[last+1] < y1 {
					last++
				}
				sa.charts = append(sa.charts, rectRows{rect: rect{x0: x0, x1: x1, y0: y0, y1: y1}, row0: int(n[3]), row1: last})
			}
		}
		out[name] = sa
	}
	return out
}

// chromiumResult is what the 400 px page reports.
type chromiumResult struct {
	ScrollWidth int        `json:"scrollWidth"`
	Wide        []string   `json:"wide"`
	Heat        []heatCell `json:"heat"`
}

type heatCell struct {
	Chart      string  `json:"chart"`
	WorstValue float64 `json:"worstValue"`
	BestValue  float64 `json:"bestValue"`
	Worst      [3]int  `json:"worst"`
	Best       [3]int  `json:"best"`
}

// inspect400JS lists every element whose box reaches past the viewport and
// is not inside a scrolling container, and samples each heat map's canvas
// at its worst and best cell (by the KPI's direction, read from the page).
const inspect400JS = `(() => {
  const vw = document.documentElement.clientWidth;
  const out = {scrollWidth: document.documentElement.scrollWidth, wide: [], heat: []};
  const clipped = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") return true;
    }
    return false;
  };
  document.querySelectorAll("body *").forEach(el => {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 1 || r.left < -1) && !clipped(el)) {
      out.wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className : "") + " " + Math.round(r.left) + "–" + Math.round(r.right));
    }
  });
  out.wide = out.wide.slice(0, 20);
  document.querySelectorAll(".plot").forEach(el => {
    const inst = echarts.getInstanceByDom(el);
    if (!inst) return;
    const opt = inst.getOption();
    const s = (opt.series || [])[0];
    if (!s || s.type !== "heatmap") return;
    const dir = el.closest("figure").getAttribute("data-direction");
    let worst = null, best = null;
    s.data.forEach(d => {
      const v = Array.isArray(d) ? d : d.value;
      if (typeof v[2] !== "number") return;
      const bad = dir === "lower" ? v[2] : -v[2];
      if (worst === null || bad > worst.bad) worst = {v: v, bad: bad};
      if (best === null || bad < best.bad) best = {v: v, bad: bad};
    });
    if (!worst) return;
    const canvas = el.querySelector("canvas");
    const ctx = canvas.getContext("2d");
    const ratio = canvas.width / el.clientWidth;
    const sample = v => {
      const p = inst.convertToPixel({seriesIndex: 0}, [v[0], v[1]]);
      const d = ctx.getImageData(Math.round(p[0] * ratio), Math.round(p[1] * ratio), 1, 1).data;
      return [d[0], d[1], d[2]];
    };
    out.heat.push({chart: el.id, worstValue: worst.v[2], bestValue: best.v[2], worst: sample(worst.v), best: sample(best.v)});
  });
  return out;
})()`

func inChromium(t *testing.T, file string, width int) chromiumResult {
	t.Helper()
	abs, _ := filepath.Abs(file)
	bctx, closeBrowser := browsertest.Start(t, width, 900)
	defer closeBrowser()
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatalf("open %s: %v", abs, err)
	}
	res, err := chromedp.Run(bctx, chromedp.Evaluate[chromiumResult](inspect400JS))
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	return res
}
