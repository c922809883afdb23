// Package browsertest starts the real Chromium the reports' end-to-end tests
// draw their HTML in (tests only).
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// names are the executables tried, in order.
var names = []string{"chromium", "chromium-browser", "google-chrome"}

// Path returns the Chromium on PATH. Without one it skips t, or fails it
// when CI is set (CI must test in a browser: .ci/run installs Debian's
// chromium package).
func Path(t testing.TB) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set but no chromium is on PATH: .ci/run must install Debian's chromium package")
	}
	t.Skip("chromium is not installed (apt-get install chromium); the end-to-end test needs it and runs under CI")
	return ""
}

// Start starts headless Chromium (Path) without sandbox and GPU, with a
// fresh profile in t's temporary folder, a window of width × height and the
// extra options, for at most two minutes. It returns the browser's chromedp
// context and the function that closes the browser.
func Start(t testing.TB, width, height int, extra ...chromedp.ExecAllocatorOption) (context.Context, context.CancelFunc) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Path(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(opts, extra...)...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	return bctx, func() {
		cancelBrowser()
		cancelAlloc()
		cancel()
	}
}
