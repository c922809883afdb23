package reports_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tool finds a program the end-to-end test needs. Without it the test is
// skipped on a developer's machine, but fails under CI=true, where .ci/run
// installs LibreOffice and poppler-utils from Debian's packages.
func tool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found: install Debian's libreoffice-calc-nogui and poppler-utils", strings.Join(names, " or "))
	if os.Getenv("CI") == "" {
		t.Skip("skipping the LibreOffice end-to-end test: " + msg)
	}
	t.Fatal(msg + " (CI=true requires this test to run)")
	return ""
}

// TestWorkbookInLibreOffice opens the workbook in an independent reader:
// headless LibreOffice converts it to PDF, poppler renders the chart pages to
// PNG, and every family sheet's chart area must hold a drawing.
func TestWorkbookInLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice")
	pdftoppm := tool(t, "pdftoppm")
	pdftotext := tool(t, "pdftotext")
	w := writeWorkbook(t, "")
	dir := t.TempDir()

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	start := time.Now()
	// A profile of its own, so a LibreOffice the user has open (or another
	// test) neither blocks nor changes the conversion.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, w.path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(w.path), ".xlsx")+".pdf")
	if st, err := os.Stat(pdf); err != nil || st.Size() == 0 {
		t.Fatalf("soffice wrote no PDF (%v):\n%s", err, out)
	}
	t.Logf("LibreOffice converted the workbook in %v", time.Since(start).Round(time.Millisecond))

	text, err := exec.CommandContext(ctx, pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(text), "\f")
	t.Logf("%d pages", len(pages))

	render := func(page int) image.Image {
		t.Helper()
		base := filepath.Join(dir, fmt.Sprintf("page-%d", page))
		if out, err := exec.CommandContext(ctx, pdftoppm, "-r", "50", "-png", "-singlefile",
			"-f", fmt.Sprint(page), "-l", fmt.Sprint(page), pdf, base).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm page %d: %v\n%s", page, err, out)
		}
		b, err := os.ReadFile(base + ".png")
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		return img
	}

	// The summary is the first page and is not blank.
	if ink := inkShare(render(1), 0, 1); ink < 0.01 {
		t.Errorf("summary page: %.4f of its pixels inked, looks blank", ink)
	}
	// On each family sheet the charts sit below the tables, two by two, the
	// trend chart first (left); the page that shows its title must have ink
	// in its left half.
	for _, sheet := range familySheets {
		page := -1
		for i, p := range pages {
			// The page header ends with the sheet's name (&A).
			head, _, _ := strings.Cut(strings.TrimLeft(p, "\n "), "\n")
			if strings.HasSuffix(strings.TrimSpace(head), sheet) && strings.Contains(p, "2024Q4–") {
				page = i + 1
				break
			}
		}
		if page < 0 {
			t.Errorf("%s: no page shows a trend chart title", sheet)
			continue
		}
		ink := inkShare(render(page), 0, 0.5)
		t.Logf("%s: page %d, chart area %.1f%% inked", sheet, page, 100*ink)
		if ink < 0.02 {
			t.Errorf("%s: the chart area of page %d is blank (%.4f inked)", sheet, page, ink)
		}
	}
}

// inkShare is the share of non-white pixels between the horizontal
// fractions from and to of the page, leaving out the header and footer.
func inkShare(img image.Image, from, to float64) float64 {
	b := img.Bounds()
	x0, x1 := b.Min.X+int(from*float64(b.Dx())), b.Min.X+int(to*float64(b.Dx()))
	y0, y1 := b.Min.Y+b.Dy()/10, b.Max.Y-b.Dy()/10
	inked, all := 0, 0
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				inked++
			}
			all++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(inked) / float64(all)
}
