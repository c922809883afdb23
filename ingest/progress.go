package ingest

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line bar on a terminal for loads that take more than
// a second; on anything else (a file, a pipe, nil) it draws nothing.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	total   int
	n       int
	label   string
	start   time.Time
	stop    chan struct{}
	stopped sync.WaitGroup
	drawn   bool
}

// forceProgress lets a test draw on a non-terminal writer.
var forceProgress bool

func newProgress(w io.Writer, total int) *progress {
	p := &progress{total: total, start: time.Now()}
	if w == nil || !(forceProgress || isTerminal(w)) {
		return p
	}
	p.w = w
	p.stop = make(chan struct{})
	p.stopped.Add(1)
	go func() {
		defer p.stopped.Done()
		delay := time.NewTimer(time.Second)
		defer delay.Stop()
		select {
		case <-p.stop:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			p.draw()
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progress) step(label string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.label = label
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	const width = 30
	n := min(p.n, p.total)
	filled := width * n / max(p.total, 1)
	fmt.Fprintf(p.w, "\r\033[Kloading [%s%s] %d/%d %s %.0fs", strings.Repeat("=", filled), strings.Repeat(" ", width-filled),
		n, p.total, p.label, time.Since(p.start).Seconds())
	p.drawn = true
}

// done stops the bar and clears its line, so the summary starts clean.
func (p *progress) done() {
	if p.stop == nil {
		return
	}
	close(p.stop)
	p.stopped.Wait()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
