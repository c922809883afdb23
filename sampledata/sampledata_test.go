package sampledata

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipstat/sipstat/contract"
)

// extract is a generated extract read back: every table as rows of strings.
type extract struct {
	asOf   string
	tables map[string]*table
}

type table struct {
	name   string
	header []string
	col    map[string]int
	rows   [][]string
}

func (t *table) get(row []string, col string) string {
	i, ok := t.col[col]
	if !ok {
		panic("no column " + col + " in " + t.name)
	}
	return row[i]
}

func generate(t *testing.T, opt Options) (string, Stats) {
	t.Helper()
	dir := t.TempDir()
	st, err := Generate(context.Background(), dir, opt)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return dir, st
}

func readExtract(t *testing.T, dir string) *extract {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man struct {
		ContractVersion string `json:"contract_version"`
		Source          string `json:"source"`
		RegionCode      string `json:"region_code"`
		ExtractedAt     string `json:"extracted_at"`
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if man.ContractVersion != "1" || man.Source == "" || len(man.RegionCode) != 2 {
		t.Fatalf("manifest.json: unexpected content %+v", man)
	}
	if _, err := time.Parse(time.DateOnly, man.ExtractedAt); err != nil {
		t.Fatalf("manifest.json: extracted_at %q: %v", man.ExtractedAt, err)
	}
	x := &extract{asOf: man.ExtractedAt, tables: map[string]*table{}}
	for _, ct := range contract.Tables {
		f, err := os.Open(filepath.Join(dir, ct.Name+".csv"))
		if err != nil {
			t.Fatalf("every contract table must be written: %v", err)
		}
		r := csv.NewReader(f)
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s.csv: %v", ct.Name, err)
		}
		tb := &table{name: ct.Name, header: recs[0], col: map[string]int{}, rows: recs[1:]}
		for i, c := range tb.header {
			tb.col[c] = i
		}
		x.tables[ct.Name] = tb
	}
	return x
}

// futureAllowed lists the date columns that may lie after the as-of date:
// bookings and targets, not events.
func futureAllowed(tb string, col string, row []string, t *table) bool {
	switch tb + "." + col {
	case "meetings.planned_date":
		return t.get(row, "status") == "planned"
	case "meetings.next_follow_up_date", "goals.target_date":
		return true
	}
	return false
}

// contractProblems checks every value against the contract: required values,
// types, codes (the English code itself), unique keys, foreign keys, SCB
// codes, and no event dated after the as-of date. It returns one line per
// problem, "table:line: column: what".
func contractProblems(x *extract) []string {
	var out []string
	add := func(tb string, line int, col, msg string) {
		out = append(out, fmt.Sprintf("%s:%d: %s: %s", tb, line, col, msg))
	}
	munis, _ := loadMunicipalities()
	scb := map[string]string{}
	for _, m := range munis {
		scb[m.code] = m.county
	}
	keys := map[string]map[string]bool{}
	for _, ct := range contract.Tables {
		tb := x.tables[ct.Name]
		keys[ct.Name] = map[string]bool{}
		for i, row := range tb.rows {
			line := i + 2
			if len(row) != len(ct.Columns) {
				add(ct.Name, line, "", "wrong number of fields")
				continue
			}
			for j, c := range ct.Columns {
				v := row[j]
				if v == "" {
					if c.Required {
						add(ct.Name, line, c.Name, "required value missing")
					}
					continue
				}
				switch c.Type {
				case contract.TypeID:
					if len(v) > contract.MaxIDLength {
						add(ct.Name, line, c.Name, "id too long")
					}
				case contract.TypeDate:
					if _, err := time.Parse(time.DateOnly, v); err != nil {
						add(ct.Name, line, c.Name, "bad date "+v)
					} else if v > x.asOf && !futureAllowed(ct.Name, c.Name, row, tb) {
						add(ct.Name, line, c.Name, "after the as-of date "+v)
					}
				case contract.TypeInt:
					n, err := strconv.Atoi(v)
					if err != nil {
						add(ct.Name, line, c.Name, "not an int "+v)
					}
					if c.Name == "birth_year" && (n < 1900 || n > 2026) {
						add(ct.Name, line, c.Name, "birth year out of range "+v)
					}
				case contract.TypeBool:
					if v != "true" && v != "false" {
						add(ct.Name, line, c.Name, "not a boolean "+v)
					}
				case contract.TypeCode:
					if code, ok := c.Codes.Parse(v); !ok || code != v {
						add(ct.Name, line, c.Name, "unknown code "+v)
					}
				}
			}
			key := ""
			for _, k := range ct.Key {
				key += tb.get(row, k) + "\x00"
			}
			if keys[ct.Name][key] {
				add(ct.Name, line, strings.Join(ct.Key, "+"), "duplicate key")
			}
			keys[ct.Name][key] = true
			if i, ok := tb.col["municipality_code"]; ok {
				county, known := scb[row[i]]
				if !known {
					add(ct.Name, line, "municipality_code", "not an SCB code "+row[i])
				}
				if j, ok := tb.col["region_code"]; ok && county != row[j] {
					add(ct.Name, line, "region_code", "does not match the municipality")
				}
			}
		}
	}
	// Foreign keys, once all keys are known.
	for _, ct := range contract.Tables {
		tb := x.tables[ct.Name]
		for _, c := range ct.Columns {
			if c.References == "" {
				continue
			}
			for i, row := range tb.rows {
				if v := tb.get(row, c.Name); v != "" && !keys[c.References][v+"\x00"] {
					add(ct.Name, i+2, c.Name, "dangling reference "+v)
				}
			}
		}
	}
	q := x.tables["survey_questions"]
	qs := map[string]bool{}
	for _, row := range q.rows {
		qs[q.get(row, "survey_id")+"/"+q.get(row, "question_id")] = true
	}
	r, a := x.tables["survey_responses"], x.tables["survey_answers"]
	survey := map[string]string{}
	for _, row := range r.rows {
		survey[r.get(row, "response_id")] = r.get(row, "survey_id")
	}
	for i, row := range a.rows {
		if !qs[survey[a.get(row, "response_id")]+"/"+a.get(row, "question_id")] {
			add("survey_answers", i+2, "question_id", "not a question of the response's survey")
		}
		if v := a.get(row, "value"); v != "" && (v < "1" || v > "5" || len(v) != 1) {
			add("survey_answers", i+2, "value", "outside the scale "+v)
		}
	}
	return out
}

// logicalProblems checks the rules a clean extract keeps beyond the
// contract's types: the process order of dates, held meetings complete,
// goals and reviews within their SIP, children's consent from both guardians.
func logicalProblems(x *extract) []string {
	var out []string
	add := func(tb string, line int, msg string) { out = append(out, fmt.Sprintf("%s:%d: %s", tb, line, msg)) }
	persons := x.tables["persons"]
	birth := map[string]int{}
	for _, row := range persons.rows {
		birth[persons.get(row, "person_id")], _ = strconv.Atoi(persons.get(row, "birth_year"))
	}
	sips := x.tables["sips"]
	type sipInfo struct{ need, closed, reason, person string }
	sip := map[string]sipInfo{}
	for i, row := range sips.rows {
		s := sipInfo{sips.get(row, "need_detected_date"), sips.get(row, "closed_date"), sips.get(row, "closure_reason"), sips.get(row, "person_id")}
		sip[sips.get(row, "sip_id")] = s
		if s.closed != "" && s.closed < s.need {
			add("sips", i+2, "closed before the need was detected")
		}
		if (s.closed == "") != (s.reason == "") {
			add("sips", i+2, "closed_date and closure_reason must come together")
		}
		if inv := sips.get(row, "invitation_sent_date"); inv != "" && inv < s.need {
			add("sips", i+2, "invitation before the need")
		}
		if ro := sips.get(row, "restart_of"); ro != "" {
			if p := sip[ro]; p.reason != "goal_changed_restart" || p.person != s.person || p.closed > s.need {
				add("sips", i+2, "restart_of must name an earlier SIP of the same person closed for a restart")
			}
		}
		if len(s.need) < 4 {
			continue // a flawed row; contractProblems reports it
		}
		if by, _ := strconv.Atoi(s.need[:4]); birth[s.person] > by {
			add("sips", i+2, "person born after the need")
		}
	}
	meetings := x.tables["meetings"]
	type meetingInfo struct{ sip, status, held string }
	meeting := map[string]meetingInfo{}
	for i, row := range meetings.rows {
		m := meetingInfo{meetings.get(row, "sip_id"), meetings.get(row, "status"), meetings.get(row, "held_date")}
		meeting[meetings.get(row, "meeting_id")] = m
		s := sip[m.sip]
		if m.status == "held" {
			if m.held == "" || meetings.get(row, "mode") == "" || meetings.get(row, "individual_participation") == "" {
				add("meetings", i+2, "held meeting without held_date, mode or individual_participation")
			}
			if m.held < s.need {
				add("meetings", i+2, "held before the need was detected")
			}
			if s.closed != "" && m.held > s.closed {
				add("meetings", i+2, "held after the SIP was closed")
			}
			if len(m.held) < 4 {
				continue
			}
			age, _ := strconv.Atoi(m.held[:4])
			age -= birth[s.person]
			if cp := meetings.get(row, "child_participation"); age >= 18 && (cp == "present" || cp == "absent") {
				add("meetings", i+2, "child participation for an adult")
			}
		} else if m.held != "" || meetings.get(row, "mode") != "" {
			add("meetings", i+2, "a meeting not held has a held_date or mode")
		}
	}
	parts := x.tables["participants"]
	for i, row := range parts.rows {
		held := meeting[parts.get(row, "meeting_id")].status == "held"
		if att := parts.get(row, "attendance"); held != (att != "") {
			add("participants", i+2, "attendance must be given exactly for held meetings")
		}
	}
	goals := x.tables["goals"]
	goalMeeting := map[string]string{}
	goalSIP := map[string]string{}
	for i, row := range goals.rows {
		id, m := goals.get(row, "goal_id"), meeting[goals.get(row, "set_at_meeting_id")]
		goalMeeting[id], goalSIP[id] = goals.get(row, "set_at_meeting_id"), goals.get(row, "sip_id")
		if m.sip != goals.get(row, "sip_id") || m.status != "held" {
			add("goals", i+2, "set at a meeting not held or of another SIP")
		}
		if td := goals.get(row, "target_date"); td != "" && td <= m.held {
			add("goals", i+2, "target date not after the meeting it was set at")
		}
	}
	reviews := x.tables["goal_reviews"]
	for i, row := range reviews.rows {
		g, m := reviews.get(row, "goal_id"), meeting[reviews.get(row, "meeting_id")]
		if m.sip != goalSIP[g] || m.status != "held" || m.held <= meeting[goalMeeting[g]].held {
			add("goal_reviews", i+2, "review not at a later held meeting of the goal's SIP")
		}
	}
	consents := x.tables["consents"]
	for i, row := range consents.rows {
		s := sip[consents.get(row, "sip_id")]
		d := consents.get(row, "decision_date")
		if d < s.need || s.closed != "" && d > s.closed {
			add("consents", i+2, "decision outside the SIP's life")
		}
		if w := consents.get(row, "withdrawn_date"); w != "" && w < d {
			add("consents", i+2, "withdrawn before given")
		}
		// transform's rule consent_child_one_guardian flags every given
		// consent by a single guardian for a child (need before 18).
		if consents.get(row, "given_by") == "guardian" && len(s.need) >= 4 {
			if y, _ := strconv.Atoi(s.need[:4]); y-birth[s.person] < 18 {
				add("consents", i+2, "a child's consent from one guardian only")
			}
		}
	}
	dis := x.tables["discharges"]
	for i, row := range dis.rows {
		if r := dis.get(row, "ready_for_discharge_date"); r != "" && r > dis.get(row, "discharge_date") {
			add("discharges", i+2, "ready for discharge after the discharge")
		}
	}
	return out
}

func TestGenerateIsDeterministic(t *testing.T) {
	opt := Options{SIPs: 600, Seed: 7, FlawRate: 0.02}
	a, _ := generate(t, opt)
	b, _ := generate(t, opt)
	c, _ := generate(t, Options{SIPs: 600, Seed: 8, FlawRate: 0.02})
	differs := false
	for _, name := range append(tableOrder[:], "manifest") {
		file := name + ".csv"
		if name == "manifest" {
			file = "manifest.json"
		}
		fa, err := os.ReadFile(filepath.Join(a, file))
		if err != nil {
			t.Fatal(err)
		}
		fb, _ := os.ReadFile(filepath.Join(b, file))
		fc, _ := os.ReadFile(filepath.Join(c, file))
		if !bytes.Equal(fa, fb) {
			t.Errorf("%s differs between two runs with the same options", file)
		}
		if !bytes.Equal(fa, fc) {
			differs = true
		}
	}
	if !differs {
		t.Error("a different seed gave identical files")
	}
}

func TestHeadersFollowTheContract(t *testing.T) {
	dir, st := generate(t, Options{SIPs: 200})
	if len(st.Files) != len(contract.Tables)+1 {
		t.Errorf("Stats.Files has %d files, want %d", len(st.Files), len(contract.Tables)+1)
	}
	for _, ct := range contract.Tables {
		b, err := os.ReadFile(filepath.Join(dir, ct.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n")
		if want := strings.Join(ct.ColumnNames(), ","); header != want {
			t.Errorf("%s.csv header\n got %s\nwant %s", ct.Name, header, want)
		}
		lines := int64(strings.Count(string(b), "\n") - 1)
		if st.Rows[ct.Name] != lines {
			t.Errorf("%s.csv: Stats.Rows says %d, file has %d rows", ct.Name, st.Rows[ct.Name], lines)
		}
		if lines == 0 {
			t.Errorf("%s.csv has no rows", ct.Name)
		}
	}
}

func TestCleanExtractIsValidAndConsistent(t *testing.T) {
	dir, st := generate(t, Options{SIPs: 4000})
	if len(st.Flaws) != 0 {
		t.Errorf("FlawRate 0 injected flaws: %v", st.Flaws)
	}
	x := readExtract(t, dir)
	for name, probs := range map[string][]string{"contract": contractProblems(x), "logical": logicalProblems(x)} {
		if len(probs) > 0 {
			t.Errorf("%d %s problems in a clean extract, first: %s", len(probs), name, strings.Join(probs[:min(10, len(probs))], "\n"))
		}
	}
}

func TestFlawsAreInjected(t *testing.T) {
	dir, st := generate(t, Options{SIPs: 1500, FlawRate: 0.03})
	x := readExtract(t, dir)
	contractProbs, logicalProbs := contractProblems(x), logicalProblems(x)
	if len(contractProbs) == 0 || len(logicalProbs) == 0 {
		t.Fatalf("FlawRate 0.03 gave %d contract and %d logical problems; want both", len(contractProbs), len(logicalProbs))
	}
	for _, kind := range []string{"unknown code", "duplicate key", "dangling reference", "bad date", "required value missing"} {
		if !slices.ContainsFunc(contractProbs, func(p string) bool { return strings.Contains(p, kind) }) {
			t.Errorf("no row with %q among the contract problems", kind)
		}
	}
	for _, kind := range []string{"held before the need", "closed before the need", "held meeting without", "attendance must be given", "one guardian only"} {
		if !slices.ContainsFunc(logicalProbs, func(p string) bool { return strings.Contains(p, kind) }) {
			t.Errorf("no %q among the logical problems", kind)
		}
	}
	var flawed, rows int64
	for _, n := range st.Flaws {
		flawed += n
	}
	for _, name := range []string{"persons", "sips", "consents", "meetings", "participants", "goals", "goal_reviews"} {
		rows += st.Rows[name]
	}
	// Some drawn flaws do not apply to their row (a held-meeting flaw on a
	// cancelled meeting), so the applied share is a little below the rate.
	if share := float64(flawed) / float64(rows); share < 0.015 || share > 0.035 {
		t.Errorf("flawed share of rows %.4f, want about 0.03 (flaws %v)", share, st.Flaws)
	}
}

// median of sorted day counts.
func median(v []float64) float64 {
	sort.Float64s(v)
	n := len(v)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func days(a, b string) float64 {
	ta, _ := time.Parse(time.DateOnly, a)
	tb, _ := time.Parse(time.DateOnly, b)
	return tb.Sub(ta).Hours() / 24
}

func TestDistributionsArePlausible(t *testing.T) {
	dir, _ := generate(t, Options{SIPs: 4000})
	x := readExtract(t, dir)
	sips, meetings, persons := x.tables["sips"], x.tables["meetings"], x.tables["persons"]
	birth := map[string]int{}
	for _, row := range persons.rows {
		birth[persons.get(row, "person_id")], _ = strconv.Atoi(persons.get(row, "birth_year"))
	}
	type s struct{ need, muni, person, context string }
	sip := map[string]s{}
	for _, row := range sips.rows {
		sip[sips.get(row, "sip_id")] = s{sips.get(row, "need_detected_date"), sips.get(row, "municipality_code"), sips.get(row, "person_id"), sips.get(row, "context")}
	}

	t.Run("every code of the main code lists occurs", func(t *testing.T) {
		for _, c := range []struct {
			tb, col string
			cl      *contract.CodeList
		}{
			{"sips", "context", contract.Context}, {"sips", "target_group", contract.TargetGroup},
			{"sips", "closure_reason", contract.ClosureReason}, {"sips", "record_system", contract.RecordSystem},
			{"persons", "sex", contract.Sex}, {"consents", "decision", contract.ConsentDecision},
			{"consents", "given_by", contract.ConsentGivenBy}, {"consents", "scope", contract.ConsentScope},
			{"meetings", "status", contract.MeetingStatus}, {"meetings", "mode", contract.MeetingMode},
			{"meetings", "individual_participation", contract.IndividualParticipation},
			{"meetings", "child_participation", contract.ChildParticipation},
			{"participants", "attendance", contract.Attendance}, {"participants", "role", contract.ParticipantRole},
			{"goal_reviews", "status", contract.GoalStatus}, {"deviations", "category", contract.DeviationCategory},
			{"survey_responses", "respondent", contract.Respondent}, {"discharges", "care_type", contract.CareType},
			{"survey_questions", "dimension", contract.SurveyDimension},
		} {
			seen := map[string]bool{}
			tb := x.tables[c.tb]
			for _, row := range tb.rows {
				seen[tb.get(row, c.col)] = true
			}
			for _, v := range c.cl.Values() {
				if c.col == "given_by" && v == "guardian" {
					continue // a single guardian for a child is a flaw, never in clean data
				}
				if !seen[v] {
					t.Errorf("%s.%s never takes the value %s", c.tb, c.col, v)
				}
			}
		}
	})

	// Initial meeting per SIP: the earliest held initial meeting.
	initial := map[string]string{}
	for _, row := range meetings.rows {
		if meetings.get(row, "kind") == "initial" && meetings.get(row, "status") == "held" {
			id, h := meetings.get(row, "sip_id"), meetings.get(row, "held_date")
			if cur, ok := initial[id]; !ok || h < cur {
				initial[id] = h
			}
		}
	}
	t.Run("lead time median is near the three-week target and varies by municipality", func(t *testing.T) {
		var all []float64
		byMuni := map[string][]float64{}
		for id, h := range initial {
			d := days(sip[id].need, h)
			all = append(all, d)
			byMuni[sip[id].muni] = append(byMuni[sip[id].muni], d)
		}
		if m := median(all); m < 10 || m > 40 {
			t.Errorf("lead-time median %.1f days, want 10…40", m)
		}
		lo, hi := 1e9, 0.0
		for _, v := range byMuni {
			if len(v) < 30 {
				continue
			}
			m := median(v)
			lo, hi = min(lo, m), max(hi, m)
		}
		if hi-lo < 5 {
			t.Errorf("municipal lead-time medians range %.1f…%.1f; want them to differ", lo, hi)
		}
	})
	t.Run("children are often absent from their own meetings", func(t *testing.T) {
		var present, absent int
		for _, row := range meetings.rows {
			switch meetings.get(row, "child_participation") {
			case "present":
				present++
			case "absent":
				absent++
			}
		}
		if share := float64(absent) / float64(present+absent); share < 0.3 || share > 0.75 {
			t.Errorf("child absent share %.2f of %d, want a substantial share (0.3…0.75)", share, present+absent)
		}
	})
	t.Run("remote meetings grow over the three years", func(t *testing.T) {
		var remote, held [3]int
		first, _ := time.Parse(time.DateOnly, "2023-10-05")
		for _, row := range meetings.rows {
			if meetings.get(row, "status") != "held" {
				continue
			}
			y := int(days(first.Format(time.DateOnly), meetings.get(row, "held_date")) / 366)
			held[y]++
			if m := meetings.get(row, "mode"); m == "video" || m == "hybrid" {
				remote[y]++
			}
		}
		s0, s2 := float64(remote[0])/float64(held[0]), float64(remote[2])/float64(held[2])
		if s2 < s0+0.08 {
			t.Errorf("remote share first year %.2f, last year %.2f; want growth", s0, s2)
		}
	})
	t.Run("all ages, pending and overdue SIPs, future bookings", func(t *testing.T) {
		bands := map[string]int{}
		for _, v := range sip {
			age := 0
			fmt.Sscan(v.need[:4], &age)
			age -= birth[v.person]
			switch {
			case age < 13:
				bands["0-12"]++
			case age < 18:
				bands["13-17"]++
			case age < 65:
				bands["18-64"]++
			case age < 80:
				bands["65-79"]++
			default:
				bands["80+"]++
			}
		}
		for _, b := range []string{"0-12", "13-17", "18-64", "65-79", "80+"} {
			if bands[b] < 100 {
				t.Errorf("age band %s has %d SIPs", b, bands[b])
			}
		}
		pending, overdue := 0, 0
		for id, v := range sip {
			if _, ok := initial[id]; ok {
				continue
			}
			if d := days(v.need, x.asOf); d <= 21 {
				pending++
			} else {
				overdue++
			}
		}
		if pending < 20 || overdue < 100 {
			t.Errorf("%d pending and %d overdue SIPs without initial meeting", pending, overdue)
		}
		future := 0
		for _, row := range meetings.rows {
			if meetings.get(row, "status") == "planned" && meetings.get(row, "planned_date") > x.asOf {
				future++
			}
		}
		if future < 50 {
			t.Errorf("%d planned future meetings", future)
		}
	})
	t.Run("summoned attendance differs by org type", func(t *testing.T) {
		att, n := map[string]float64{}, map[string]float64{}
		p := x.tables["participants"]
		for _, row := range p.rows {
			a := p.get(row, "attendance")
			if a == "" || p.get(row, "role") != "summoned" {
				continue
			}
			o := p.get(row, "org_type")
			n[o]++
			if a == "attended" || a == "substitute" {
				att[o]++
			}
		}
		soc, psy := att["municipal_social_services"]/n["municipal_social_services"], att["adult_psychiatry"]/n["adult_psychiatry"]
		if soc-psy < 0.08 {
			t.Errorf("attendance social services %.2f, adult psychiatry %.2f; want psychiatry clearly lower", soc, psy)
		}
	})
}

func TestPopulationCoversEveryMunicipalityAndYear(t *testing.T) {
	dir, _ := generate(t, Options{SIPs: 300, Counties: []string{"all"}})
	x := readExtract(t, dir)
	pop := x.tables["population"]
	munis, _ := loadMunicipalities()
	if want := len(munis) * 4; len(pop.rows) != want {
		t.Errorf("population has %d rows, want %d (every municipality, 2023…2026)", len(pop.rows), want)
	}
	sizes := map[string]int{}
	for _, row := range pop.rows {
		if pop.get(row, "year") == "2024" {
			sizes[pop.get(row, "municipality_code")], _ = strconv.Atoi(pop.get(row, "population"))
		}
	}
	if sizes["0180"] < 20*sizes["0140"] {
		t.Errorf("Stockholm %d and Nykvarn %d: want very different sizes", sizes["0180"], sizes["0140"])
	}
	b, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if !bytes.Contains(b, []byte(`"region_code": "00"`)) {
		t.Errorf("manifest of all counties: %s", b)
	}
	if _, err := Generate(context.Background(), t.TempDir(), Options{Counties: []string{"99"}}); err == nil {
		t.Error("an unknown county code was accepted")
	}
}

// TestGenerateAtScale writes a large extract when SAMPLEDATA_SCALE_SIPS is
// set, for measuring time and peak memory under /usr/bin/time -v (see
// README.md); the counties are all 21 unless SAMPLEDATA_SCALE_COUNTIES says
// otherwise. It is skipped in normal test runs.
func TestGenerateAtScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SAMPLEDATA_SCALE_SIPS"))
	if n == 0 {
		t.Skip("set SAMPLEDATA_SCALE_SIPS to run")
	}
	counties := []string{"all"}
	if c := os.Getenv("SAMPLEDATA_SCALE_COUNTIES"); c != "" {
		counties = strings.Split(c, ",")
	}
	start := time.Now()
	st, err := Generate(context.Background(), t.TempDir(), Options{SIPs: n, Counties: counties})
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	for _, r := range st.Rows {
		rows += r
	}
	t.Logf("%d SIPs, %d rows in %s: %v", n, rows, time.Since(start).Round(time.Millisecond), st.Rows)
}

func BenchmarkGenerateDefault(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if _, err := Generate(context.Background(), dir, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestProgressAndCancel(t *testing.T) {
	var calls []int
	_, st := generate(t, Options{SIPs: 5000, Progress: func(done, total int) {
		if total != 5000 {
			t.Errorf("progress total %d, want 5000", total)
		}
		calls = append(calls, done)
	}})
	if len(calls) < 3 || calls[len(calls)-1] != 5000 || !slices.IsSorted(calls) {
		t.Errorf("progress calls %v: want several, increasing, ending at 5000", calls)
	}
	if st.Rows["sips"] != 5000 {
		t.Errorf("%d SIPs written, want 5000", st.Rows["sips"])
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, t.TempDir(), Options{}); err == nil {
		t.Error("a cancelled context did not stop Generate")
	}
}
