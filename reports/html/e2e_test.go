package html_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sipstat/sipstat/internal/browsertest"
)

// pageResult is what the browser reports about a loaded report.
type pageResult struct {
	Charts []chartDraw `json:"charts"`
	// Scripts is the number of chart option blocks in the page.
	Scripts int `json:"scripts"`
}

type chartDraw struct {
	ID string `json:"id"`
	// Inked is the number of canvas pixels that differ from the white
	// background; a chart whose option failed to load has none.
	Inked   int `json:"inked"`
	Width   int `json:"width"`
	Height  int `json:"height"`
	Series  int `json:"series"`
	Canvas  int `json:"canvas"`
	Visible int `json:"visible"` // 1 when the element has a size on the page
}

// inspectJS waits for nothing: the page draws synchronously on load, with
// animation off. It reads every chart's canvas back and counts inked pixels.
const inspectJS = `(() => {
  const out = {charts: [], scripts: document.querySelectorAll("script[data-chart]").length};
  document.querySelectorAll(".plot").forEach(el => {
    const r = {id: el.id, inked: 0, width: 0, height: 0, series: 0, canvas: 0, visible: el.offsetWidth > 0 && el.offsetHeight > 0 ? 1 : 0};
    const canvases = el.querySelectorAll("canvas");
    r.canvas = canvases.length;
    canvases.forEach(c => {
      r.width = c.width; r.height = c.height;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i+3] > 0 && (d[i] < 235 || d[i+1] < 235 || d[i+2] < 235)) r.inked++;
      }
    });
    const inst = window.echarts && echarts.getInstanceByDom(el);
    if (inst) r.series = (inst.getOption().series || []).length;
    out.charts.push(r);
  });
  return out;
})()`

// openInChromium loads the report file in headless Chromium with the
// network off, and returns what the page drew, the console errors, the
// requests made to anything but the file itself, and a full-page screenshot.
func openInChromium(t *testing.T, file string) (pageResult, []string, []string, []byte) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	bctx, closeBrowser := browsertest.Start(t, 1500, 1000,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Every name resolves to nothing and every connection goes to a
		// closed local port: a page that tried to fetch would fail to draw.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("127.0.0.1:9"),
	)
	defer closeBrowser()

	var (
		mu       sync.Mutex
		errs     []string
		requests []string
	)
	err = chromedp.Listen(bctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				errs = append(errs, "console."+string(e.Type)+": "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			errs = append(errs, fmt.Sprintf("exception at %d:%d: %s", d.LineNumber, d.ColumnNumber, msg))
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				errs = append(errs, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u := e.Request.URL
			if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
				requests = append(requests, u)
			}
		}
	})
	if err != nil {
		t.Fatalf("listen to chromium: %v", err)
	}
	offline := chromedp.Action[chromedp.Void](func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true}},
		})
		return chromedp.Void{}, err
	})
	if err := chromedp.Do(bctx, offline, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatalf("open %s in chromium: %v", abs, err)
	}
	res, err := chromedp.Run(bctx, chromedp.Evaluate[pageResult](inspectJS))
	if err != nil {
		t.Fatalf("inspect the page: %v", err)
	}
	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// For a person reviewing the layout: one picture per figure.
	if dir := os.Getenv("SIPSTAT_SCREENSHOT_DIR"); dir != "" {
		base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		for _, c := range res.Charts {
			img, err := chromedp.Run(bctx, chromedp.Screenshot("#fig-"+c.ID))
			if err != nil {
				t.Fatalf("screenshot of %s: %v", c.ID, err)
			}
			if err := os.WriteFile(filepath.Join(dir, base+"-"+c.ID+".png"), img, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return res, append([]string(nil), errs...), append([]string(nil), requests...), shot
}

// checkDrawn asserts the page drew every chart, logged no error and asked
// the network for nothing, and saves the screenshot for a person to look at.
func checkDrawn(t *testing.T, file string) {
	t.Helper()
	res, errs, requests, shot := openInChromium(t, file)

	png := strings.TrimSuffix(file, filepath.Ext(file)) + ".png"
	if err := os.WriteFile(png, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SIPSTAT_SCREENSHOT_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(png)), shot, 0o644); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(file)), page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot: %s (%d bytes)", png, len(shot))

	for _, e := range errs {
		t.Errorf("console error: %s", e)
	}
	for _, u := range requests {
		t.Errorf("the page asked the network for %s", u)
	}
	if res.Scripts == 0 || len(res.Charts) != res.Scripts {
		t.Fatalf("%d chart elements for %d chart options", len(res.Charts), res.Scripts)
	}
	for _, c := range res.Charts {
		// A blank canvas has no inked pixels; a title alone has a few
		// hundred. Axes, labels and data need thousands.
		if c.Canvas != 1 || c.Visible != 1 || c.Series == 0 || c.Inked < 3000 {
			t.Errorf("chart %s did not draw: %+v", c.ID, c)
		}
	}
}
