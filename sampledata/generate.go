// Package sampledata writes realistic synthetic SIP extracts in data contract
// v1: one CSV per contract table plus manifest.json. It streams SIP by SIP
// (every SIP with all its child rows, then the next), so a national extract of
// a million SIPs is written in bounded memory, and it is deterministic: the
// same Options give byte-identical files.
package sampledata

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/sipstat/sipstat/contract"
)

// Options says what extract to generate. Zero values take the defaults.
type Options struct {
	// SIPs is the number of SIP processes (restarts included); default 4000.
	SIPs int
	// Seed drives every random choice; default 1.
	Seed int64
	// AsOf is the extract's as-of date (manifest extracted_at); the history
	// covers the three years up to it. Default 2026-10-05.
	AsOf time.Time
	// Counties are SCB county codes (länskoder); "all" means all 21.
	// Default: "01" (Stockholms län, 26 municipalities from 11 600 to
	// 985 000 inhabitants).
	Counties []string
	// Source is the manifest source; default "Region Stockholm / Lifecare SP
	// export (synthetic)" for county 01, a similar name otherwise.
	Source string
	// FlawRate is the share (0…1) of rows of persons, sips, consents,
	// meetings, participants and goals that get a data-quality flaw; see
	// README.md for the kinds. Default 0: a fully consistent extract.
	FlawRate float64
	// RejectRate (0…0.5) adds, on top of FlawRate's flaws, rows the load
	// must reject: duplicate keys (duplicate review keys among them),
	// cross-SIP references (a goal set at, or reviewed at, another SIP's
	// meeting), dangling references, bad dates and unknown codes, drawn so
	// that about this share of all rows is rejected when loaded, the
	// cascades (children of a rejected parent) included. 0.03 is the heavy
	// extract of make bench. From its own random stream: the rows it does
	// not touch are the same as without it. Default 0.
	RejectRate float64
	// Progress, if set, is called now and then with the SIPs done so far.
	Progress func(done, total int)
}

// Stats describes what Generate wrote.
type Stats struct {
	// Rows is the number of data rows (header excluded) per table.
	Rows map[string]int64
	// Files are the paths written: one CSV per contract table, then manifest.json.
	Files []string
	// Flaws counts the injected data-quality flaws by kind (empty when FlawRate is 0).
	Flaws map[string]int64
}

// DefaultAsOf is the as-of date used when Options.AsOf is zero.
var DefaultAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

// Table indexes in contract order; Generate checks them against contract.Tables.
const (
	tPersons = iota
	tSIPs
	tConsents
	tMeetings
	tParticipants
	tGoals
	tGoalReviews
	tInterventions
	tDischarges
	tDeviations
	tSurveyQuestions
	tSurveyResponses
	tSurveyAnswers
	tPopulation
	numTables
)

var tableOrder = [numTables]string{
	"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews",
	"interventions", "discharges", "deviations", "survey_questions", "survey_responses",
	"survey_answers", "population",
}

// Generate writes an extract into dir (created if missing): <table>.csv for
// every contract table and manifest.json, the latter last. Existing files of
// those names are overwritten; on an error the folder may hold partial files
// but no manifest.json.
func Generate(ctx context.Context, dir string, opt Options) (Stats, error) {
	opt = withDefaults(opt)
	if opt.SIPs < 0 {
		return Stats{}, fmt.Errorf("sampledata: SIPs must be positive, got %d", opt.SIPs)
	}
	if opt.FlawRate < 0 || opt.FlawRate > 1 {
		return Stats{}, fmt.Errorf("sampledata: FlawRate must be within 0…1, got %g", opt.FlawRate)
	}
	if opt.RejectRate < 0 || opt.RejectRate > 0.5 {
		return Stats{}, fmt.Errorf("sampledata: RejectRate must be within 0…0.5, got %g", opt.RejectRate)
	}
	if len(contract.Tables) != numTables {
		return Stats{}, fmt.Errorf("sampledata: contract has %d tables, generator knows %d", len(contract.Tables), numTables)
	}
	for i, t := range contract.Tables {
		if t.Name != tableOrder[i] {
			return Stats{}, fmt.Errorf("sampledata: contract table %d is %q, generator expects %q", i, t.Name, tableOrder[i])
		}
	}
	g, err := newGenerator(opt)
	if err != nil {
		return Stats{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, fmt.Errorf("sampledata: create %s: %w", dir, err)
	}
	// A manifest of an earlier run must not vouch for files this run may
	// leave half-written; it is written again at the end.
	if err := os.Remove(filepath.Join(dir, "manifest.json")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Stats{}, fmt.Errorf("sampledata: %w", err)
	}
	for i, t := range contract.Tables {
		tw, err := newTableWriter(dir, t.Name, t.ColumnNames(), g.dates)
		if err != nil {
			g.closeAll()
			return Stats{}, fmt.Errorf("sampledata: %w", err)
		}
		g.w[i] = tw
	}
	if err := g.run(ctx); err != nil {
		g.closeAll()
		return Stats{}, fmt.Errorf("sampledata: %w", err)
	}
	st := Stats{Rows: map[string]int64{}, Flaws: map[string]int64{}}
	for i, tw := range g.w {
		st.Rows[tableOrder[i]] = tw.rows
		st.Files = append(st.Files, tw.path)
	}
	for k, n := range g.flawCount {
		st.Flaws[k] = n
	}
	if err := g.closeAll(); err != nil {
		return Stats{}, fmt.Errorf("sampledata: %w", err)
	}
	manifest, err := g.writeManifest(dir)
	if err != nil {
		return Stats{}, fmt.Errorf("sampledata: %w", err)
	}
	st.Files = append(st.Files, manifest)
	return st, nil
}

func withDefaults(opt Options) Options {
	if opt.SIPs == 0 {
		opt.SIPs = 4000
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.AsOf.IsZero() {
		opt.AsOf = DefaultAsOf
	}
	if len(opt.Counties) == 0 {
		opt.Counties = []string{"01"}
	}
	return opt
}

// profile holds a municipality's way of working: the factors that make KPIs
// differ between municipalities. Drawn once per municipality from the seed.
type profile struct {
	usage        float64 // SIPs per inhabitant, relative (0.5…1.6)
	lead         float64 // multiplier of the lead-time median (0.7…1.6)
	attend       float64 // added to every attendance probability (−0.12…+0.06)
	psychAbsent  float64 // extra absence of psychiatry, BUP and school (0…0.15)
	remote       float64 // multiplier of the remote-meeting share (0.5…1.5)
	sharedIT     float64 // share documented in the shared IT service outside discharges
	school       float64 // multiplier of school-initiated SIPs (0.4…2)
	fuMissing    float64 // share of held meetings without a next follow-up date
	fuLate       float64 // multiplier of late or missed follow-ups (0.6…1.8)
	smart        float64 // share of goals with both responsible org and target date
	dischOnTime  float64 // share of discharge summons within 3 days of ready-for-discharge
	decline      float64 // multiplier of declined consent (0.5…1.8)
	childPresent float64 // added to the child's presence probability (−0.15…+0.2)
	renew        float64 // probability a consent is renewed after a year
	achieve      float64 // added to goal achievement (−0.1…+0.1)
	survey       float64 // added to survey answers (−0.5…+0.5 scale steps)
}

func drawProfile(r *rand.Rand) profile {
	u := func(a, b float64) float64 { return a + (b-a)*r.Float64() }
	return profile{
		usage: u(0.5, 1.6), lead: u(0.7, 1.6), attend: u(-0.12, 0.06), psychAbsent: u(0, 0.15),
		remote: u(0.5, 1.5), sharedIT: u(0.25, 0.95), school: u(0.4, 2), fuMissing: u(0.04, 0.3),
		fuLate: u(0.6, 1.8), smart: u(0.55, 0.95), dischOnTime: u(0.45, 0.95), decline: u(0.5, 1.8),
		childPresent: u(-0.15, 0.2), renew: u(0.35, 0.9), achieve: u(-0.1, 0.1), survey: u(-0.5, 0.5),
	}
}

// generator holds the state of one Generate call. Per-SIP scratch slices are
// reused so memory does not grow with the number of SIPs.
type generator struct {
	opt          Options
	rng, flawRng *rand.Rand
	rejectRng    *rand.Rand // RejectRate's draws
	asOf, start  int32
	span         float64
	firstYear    int
	munis        []municipality
	cum          []float64 // cumulative SIP weight per municipality
	dates        *dateCache
	w            [numTables]*tableWriter
	flawCount    map[string]int64

	// Counters behind the pseudonyms.
	nPerson, nSIP, nConsent, nMeeting, nPart, nGoal, nInterv, nDisch, nDev, nResp int64

	// Scratch for the SIP being generated.
	s        sipCase
	meetings []meeting
	parts    []participant
	goals    []goal
	reviews  []review
	consents []consent
	intervs  []intervention
	orgs     []orgRole
	// otherSIPReviews are the goals (indexes into goals) with a review moved
	// to another SIP's meeting by RejectRate.
	otherSIPReviews []int
}

func newGenerator(opt Options) (*generator, error) {
	all, err := loadMunicipalities()
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, c := range opt.Counties {
		want[c] = true
	}
	g := &generator{
		opt:       opt,
		rng:       rand.New(rand.NewPCG(uint64(opt.Seed), 0x5349505f53414d50)),
		flawRng:   rand.New(rand.NewPCG(uint64(opt.Seed), 0x464c415753)),
		rejectRng: rand.New(rand.NewPCG(uint64(opt.Seed), 0x52454a454354)),
		flawCount: map[string]int64{},
	}
	known := map[string]bool{}
	for _, m := range all {
		known[m.county] = true
		if want["all"] || want[m.county] {
			g.munis = append(g.munis, m)
		}
	}
	for _, c := range opt.Counties {
		if c != "all" && !known[c] {
			return nil, fmt.Errorf("sampledata: unknown county code %q (expected an SCB länskod such as 01, or all)", c)
		}
	}
	// Profiles come from their own stream so that they do not shift when
	// other options change the main stream.
	pr := rand.New(rand.NewPCG(uint64(opt.Seed), 0x50524f46))
	total := 0.0
	for i := range g.munis {
		m := &g.munis[i]
		if p, ok := stockholmPopulation[m.code]; ok {
			m.population = p
		} else {
			m.population = syntheticPopulation(m.code)
		}
		m.growth = -0.002 + 0.016*pr.Float64()
		m.prof = drawProfile(pr)
		total += float64(m.population) * m.prof.usage
		g.cum = append(g.cum, total)
	}
	g.asOf = dayNumber(opt.AsOf)
	g.start = dayNumber(opt.AsOf.AddDate(-3, 0, 0))
	g.span = float64(g.asOf - g.start)
	g.firstYear = yearOf(g.start)
	// Birth years reach 105 years back; target dates and planned meetings up to two years ahead.
	g.dates = newDateCache(g.start-3*366, g.asOf+2*366)
	return g, nil
}

func (g *generator) closeAll() error {
	var first error
	for _, tw := range g.w {
		if tw == nil {
			continue
		}
		if err := tw.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (g *generator) run(ctx context.Context) error {
	if err := g.writeSurveyQuestions(); err != nil {
		return err
	}
	if err := g.writePopulation(); err != nil {
		return err
	}
	total := g.opt.SIPs
	last := int64(-1 << 20)
	for g.nSIP < int64(total) {
		// A restart adds a second SIP in one step, so report by distance.
		if g.nSIP-last >= 1024 {
			last = g.nSIP
			if err := ctx.Err(); err != nil {
				return err
			}
			if g.opt.Progress != nil {
				g.opt.Progress(int(g.nSIP), total)
			}
		}
		if err := g.newSIP(nil); err != nil {
			return err
		}
	}
	if g.opt.Progress != nil {
		g.opt.Progress(total, total)
	}
	return nil
}

func (g *generator) writeManifest(dir string) (string, error) {
	region := "00" // SCB's code for the whole country (riket) when several counties are included.
	counties := map[string]string{}
	for _, m := range g.munis {
		counties[m.county] = m.county
	}
	if len(counties) == 1 {
		region = g.munis[0].county
	}
	source := g.opt.Source
	if source == "" {
		switch {
		case region == "01":
			source = "Region Stockholm / Lifecare SP export (synthetic)"
		case region == "00":
			source = "All regions / national SIP extract (synthetic)"
		default:
			source = "Region " + region + " / Lifecare SP export (synthetic)"
		}
	}
	b, err := json.MarshalIndent(struct {
		ContractVersion string `json:"contract_version"`
		Source          string `json:"source"`
		RegionCode      string `json:"region_code"`
		ExtractedAt     string `json:"extracted_at"`
	}{contract.Version, source, region, dayTime(g.asOf).Format(time.DateOnly)}, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode manifest: %w", err)
	}
	path := filepath.Join(dir, "manifest.json")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return path, nil
}

// surveyID is the one user-audit questionnaire (brukarrevision) of the sample.
const surveyID = "BR1"

type question struct {
	id, dimension, text string
	// mean is the average answer on the 1–5 scale before municipality and
	// respondent shifts.
	mean float64
}

var questions = []question{
	{"Q01", "information", "Fick du information om vad en SIP är innan mötet?", 3.9},
	{"Q02", "information", "Vet du vem som är samordnare för din SIP?", 3.4},
	{"Q03", "participation", "Fick du vara med och bestämma vilka som skulle bjudas in?", 3.1},
	{"Q04", "participation", "Kände du dig delaktig när målen i planen togs fram?", 3.5},
	{"Q05", "coordination", "Upplevde du att verksamheterna samarbetade med varandra?", 3.3},
	{"Q06", "coordination", "Har verksamheterna gjort det som bestämdes på mötet?", 3.2},
	{"Q07", "meaningfulness", "Kändes SIP-mötet meningsfullt för dig?", 3.7},
	{"Q08", "treatment", "Blev du bemött med respekt under mötet?", 4.3},
	{"Q09", "outcome", "Har planen gjort skillnad i din vardag?", 3.0},
	{"Q10", "overall", "Hur nöjd är du sammantaget med din SIP?", 3.6},
}

// Random helpers on the main stream.

func (g *generator) f() float64            { return g.rng.Float64() }
func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }
func (g *generator) days(a, b int) int32   { return int32(a + g.rng.IntN(b-a+1)) }
func (g *generator) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*g.rng.NormFloat64())
}

// wc is a code with a weight for a weighted choice.
type wc struct {
	code string
	w    float64
}

func (g *generator) pick(ws []wc) string {
	total := 0.0
	for _, x := range ws {
		total += x.w
	}
	r := g.rng.Float64() * total
	for _, x := range ws {
		r -= x.w
		if r < 0 {
			return x.code
		}
	}
	return ws[len(ws)-1].code
}

// pickMunicipality draws a municipality in proportion to population × usage.
func (g *generator) pickMunicipality() *municipality {
	r := g.rng.Float64() * g.cum[len(g.cum)-1]
	i := sort.SearchFloat64s(g.cum, r)
	if i >= len(g.munis) {
		i = len(g.munis) - 1
	}
	return &g.munis[i]
}

// timeShare is how far into the history day d lies, 0…1.
func (g *generator) timeShare(d int32) float64 {
	return math.Max(0, math.Min(1, float64(d-g.start)/g.span))
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
