package xlsx

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// Page geometry of a family sheet: A4 landscape with these margins (inches).
const (
	pageWidthPt  = 841.9
	pageHeightPt = 595.3
	marginSide   = 0.5
	marginTop    = 0.75
	marginBottom = 0.75
	marginHF     = 0.3
	// ptPerUnit is the printed width of one column-width unit where the
	// sheet is measured in DejaVu Sans (LibreOffice without Calibri), the
	// widest a reader will see: measured 7.0, kept with a margin. In Excel
	// with Calibri a unit is about 5.3 points, so the page is then less full.
	ptPerUnit = 7.3
	// pxPerUnit is Excel's pixel width of a unit (Calibri 11: 7 px per
	// character plus 5 px padding per column), the narrowest metric, used to
	// keep charts apart.
	pxPerUnit = 7.0
	rowPt     = 15.0 // default row height
	// pageFill is the share of the printable height the layout fills, so
	// that a reader's own row-height rounding never pushes a row over.
	pageFill = 0.94
)

// layout places the blocks of a sheet on printed pages: it knows the
// height of every row, fixes the print scale from the width, and inserts
// every page break itself, so that a table that fits on a page and every
// chart stays whole, and no automatic break falls inside one.
type layout struct {
	s       *sheet
	nCols   int
	widths  []float64
	heights map[int]float64
	blocks  []block
	scale   int
	pageH   float64 // printable height per page, in sheet points
	// bandStart is the first row of the charts' pages (0: none).
	bandStart int
	breaks    []int // rows a page starts at
}

type block struct {
	first, last int
	keep        bool // keep on one page when it fits one
}

func newLayout(s *sheet, nCols int) *layout {
	l := &layout{s: s, nCols: nCols, heights: map[int]float64{}}
	l.widths = []float64{34}
	for len(l.widths) < nCols {
		l.widths = append(l.widths, 12.5)
	}
	units := 0.0
	for _, w := range l.widths {
		units += w
	}
	avail := pageWidthPt - 2*marginSide*72
	l.scale = int(math.Min(100, math.Floor(100*avail/(units*ptPerUnit))))
	printable := pageHeightPt - (marginTop+marginBottom)*72
	l.pageH = printable * pageFill * 100 / float64(l.scale)
	return l
}

// height sets a row's height in points.
func (l *layout) height(row int, h float64) {
	l.heights[row] = h
	l.s.fail(l.s.b.f.SetRowHeight(l.s.name, row, h))
}

func (l *layout) rowHeight(row int) float64 {
	if h, ok := l.heights[row]; ok {
		return h
	}
	return rowPt
}

// keepFrom is a marker for readability: the block that starts at row is
// registered with block once its last row is known.
func (l *layout) keepFrom(int) {}

// block registers rows first…last as one block of content.
func (l *layout) block(first, last int, keep bool) {
	l.blocks = append(l.blocks, block{first, last, keep})
}

// excelPx is the pixel width of columns 1…n-1 in Excel's metric.
func (l *layout) excelPx(n int) float64 {
	px := 0.0
	for i := 0; i < n-1 && i < len(l.widths); i++ {
		px += l.widths[i]*pxPerUnit + 5
	}
	return px
}

// charts places the charts two side by side from row start, on pages of
// their own, and returns the last row they take.
func (l *layout) charts(start int, specs []chartSpec) int {
	total := l.excelPx(l.nCols + 1)
	// The right chart starts at the first column edge past the middle.
	right := 1
	for right <= l.nCols && l.excelPx(right) < total/2+4 {
		right++
	}
	w := uint(math.Min(total/2-12, total-l.excelPx(right)-8))
	// Tables a little longer than a page are printed a little smaller, so
	// they fit one page and the charts start on the next.
	tables := 0.0
	for r := 1; r < start; r++ {
		tables += l.rowHeight(r)
	}
	if tables > l.pageH && tables <= 1.35*l.pageH {
		l.scale = max(45, int(math.Floor(float64(l.scale)*l.pageH/tables))-1)
		printable := pageHeightPt - (marginTop+marginBottom)*72
		l.pageH = printable * pageFill * 100 / float64(l.scale)
	}
	l.bandStart = start
	row := start
	// The charts continue the tables' last page when a row of them fits.
	_, pageUsed := l.paginate(start - 1)
	first := true
	for i := 0; i < len(specs); i += 2 {
		pair := specs[i:min(i+2, len(specs))]
		h := uint(0)
		// Two rows of charts fill a page.
		for j := range pair {
			pair[j].width = w
			pair[j].height = uint((l.pageH/2 - 2*rowPt) * 4 / 3)
			h = max(h, pair[j].height)
		}
		rows := int(math.Ceil((float64(h)*0.75 + 8) / rowPt))
		bandH := float64(rows) * rowPt
		if pageUsed > 0 && pageUsed+bandH > l.pageH {
			l.breaks = append(l.breaks, row)
			pageUsed = 0
		}
		first = false
		for r := row; r < row+rows; r++ {
			l.height(r, rowPt)
		}
		l.s.chart(cell(1, row), pair[0])
		if len(pair) > 1 {
			l.s.chart(cell(right, row), pair[1])
		}
		row += rows
		pageUsed += bandH
	}
	_ = first
	return row - 1
}

// paginate places the page breaks of rows 1…end (the tables) and returns
// them with the height used on the last page.
func (l *layout) paginate(end int) ([]int, float64) {
	var breaks []int
	y := 0.0
	row := 1
	add := func(r int) {
		if len(breaks) == 0 || breaks[len(breaks)-1] != r {
			breaks = append(breaks, r)
		}
		y = 0
	}
	flow := func(from, to int) {
		for r := from; r <= to; r++ {
			h := l.rowHeight(r)
			if y > 0 && y+h > l.pageH {
				add(r)
			}
			y += h
		}
	}
	for _, bl := range l.blocks {
		if bl.first > end {
			break
		}
		flow(row, bl.first-1)
		h := 0.0
		for r := bl.first; r <= bl.last; r++ {
			h += l.rowHeight(r)
		}
		// A block that fits a page but not the rest of this one starts a new
		// page, unless that would leave more than half of this one empty:
		// then it runs on, its header row first.
		if y > 0 && y+h > l.pageH && (bl.keep && h <= l.pageH || l.pageH-y < 6*rowPt) && y > l.pageH/2 {
			add(bl.first)
		}
		flow(bl.first, bl.last)
		row = bl.last + 1
	}
	flow(row, end)
	return breaks, y
}

// finish places the page breaks of the tables above the charts, and sets
// the page: A4 landscape at the layout's scale, margins, header and
// footer, the print area ending at printEnd.
func (l *layout) finish(printEnd int) {
	end := printEnd
	if l.bandStart > 0 {
		end = l.bandStart - 1
	}
	breaks, _ := l.paginate(end)
	for _, r := range append(breaks, l.breaks...) {
		if r > 1 {
			l.s.fail(l.s.b.f.InsertPageBreak(l.s.name, cell(1, r)))
		}
	}
	l.s.pageSetup(l.scale)
	l.s.printArea(1, 1, l.nCols, printEnd)
}

// pageSetup sets A4 landscape at a fixed scale with the layout's margins,
// the report's header and footer.
func (s *sheet) pageSetup(scale int) {
	size, orient, sc := 9, "landscape", uint(scale)
	s.fail(s.b.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &sc}))
	side, top, bottom, hf := marginSide, marginTop, marginBottom, marginHF
	s.fail(s.b.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &hf, Footer: &hf}))
	s.fail(s.b.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"-,Bold\"" + s.b.reportTitle() + "&R&A",
		OddFooter: "&L" + s.b.w.Created + " " + s.b.r.Meta.Created.Format("2006-01-02") + "&R" + fmt.Sprintf(s.b.w.PageOf, "&P", "&N"),
	}))
}
