package transform

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sipstat/sipstat/contract"
)

// plainText is one text a report reader sees as a definition.
type plainText struct{ where, text string }

// definitionTexts are every definition a report shows: the catalogue's KPIs
// (with the generated user-audit dimensions), the data-quality rules, and
// the per-question user-audit texts generated in SQL.
func definitionTexts(t *testing.T) []plainText {
	t.Helper()
	var out []plainText
	for _, k := range Catalog() {
		out = append(out, plainText{k.ID + " definition_sv", k.DefinitionSV}, plainText{k.ID + " definition_en", k.DefinitionEN})
	}
	for _, r := range DQRules() {
		out = append(out, plainText{"dq_rule " + r.ID + " description_sv", r.DescriptionSV}, plainText{"dq_rule " + r.ID + " description_en", r.DescriptionEN})
	}
	sql, err := os.ReadFile("sql/catalog/survey_questions.sql")
	if err != nil {
		t.Fatal(err)
	}
	// The definition literals of the kinds table: the long quoted strings.
	lits := regexp.MustCompile(`'((?:[^']|'')+)'`).FindAllStringSubmatch(string(sql), -1)
	n := 0
	for _, m := range lits {
		if s := strings.ReplaceAll(m[1], "''", "'"); len([]rune(s)) > 40 {
			out = append(out, plainText{"survey_questions.sql", s})
			n++
		}
	}
	if n != 6 {
		t.Fatalf("survey_questions.sql: found %d definition texts, want 6 (three kinds × two languages)", n)
	}
	return out
}

// fieldNames are the contract's column names with an underscore (names a
// reader would only know from the data contract), longest first.
func fieldNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, tb := range contract.Tables {
		for _, c := range tb.Columns {
			if strings.Contains(c.Name, "_") && !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, c.Name)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// plainTextProblems lists what makes a text unfit for a steering group:
// a contract field name, any other snake_case identifier (KPI ids, settings
// keys, code values), a backtick, or the shorthands of kpis.md (R, P, A,
// "vid A", and in a definition "due").
func plainTextProblems(text string, fields []string, definition bool) []string {
	var out []string
	for _, f := range fields {
		if strings.Contains(text, f) {
			out = append(out, "field name "+f)
		}
	}
	if m := snakeCase.FindString(text); m != "" && len(out) == 0 {
		out = append(out, "identifier "+strings.TrimLeft(m, " (\"”“,.:;/"))
	}
	for _, tok := range []string{" R ", "vid A", "`"} {
		if strings.Contains(text, tok) {
			out = append(out, "shorthand "+strings.TrimSpace(tok))
		}
	}
	for _, re := range shorthands {
		if m := re.FindString(text); m != "" {
			out = append(out, "shorthand "+strings.TrimSpace(m))
		}
	}
	if m := dueWord.FindString(text); definition && m != "" {
		out = append(out, "shorthand "+strings.TrimSpace(m))
	}
	return out
}

var (
	snakeCase = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_])[a-z][a-z0-9]*_[a-z0-9_]+`)
	// Letters standing alone; Go's \b is ASCII-only ("Pågående").
	shorthands = []*regexp.Regexp{
		// R and P alone (the units of coverage, the period).
		regexp.MustCompile(`(?:^|[^\p{L}\p{N}])[RP](?:[^\p{L}\p{N}]|$)`),
		// A alone, except as the English article before a word.
		regexp.MustCompile(`(?:^|[^\p{L}\p{N}])A(?:[^\p{L}\p{N} ]|$| [^\p{L}])`),
		regexp.MustCompile(`(?:^|[^\p{L}])(?:at|vid|på|före|efter|by|before|after|senast|to|≤|<|=|\() ?A(?:[^\p{L}\p{N}]|$)`),
	}
	// "due", kpis.md's name for coverage's denominator (Overdue is a word).
	dueWord = regexp.MustCompile(`(?i)(?:^|[^\p{L}])due(?:[^\p{L}]|$)`)
)

func TestDefinitionsArePlain(t *testing.T) {
	fields := fieldNames()
	if len(fields) < 30 {
		t.Fatalf("only %d contract column names with an underscore: %v", len(fields), fields)
	}
	texts := definitionTexts(t)
	for _, x := range texts {
		if strings.TrimSpace(x.text) == "" {
			t.Errorf("%s is empty", x.where)
			continue
		}
		if ps := plainTextProblems(x.text, fields, true); len(ps) > 0 {
			t.Errorf("%s: %s\n\t%s", x.where, strings.Join(ps, ", "), x.text)
		}
	}
	// The check itself catches what issue 14 found in the old texts.
	for _, bad := range []string{
		"over SIPs in R with an initial meeting held: held_date − need_detected_date; median",
		"Försenade uppföljningar vid A",
		"SIPs in P with `request_denied` = true.",
		"Över de förfallna SIP:arna i R (se täckning).",
		"next_follow_up_date + tolerance ≤ A, excluding SIPs closed",
		"Of discharges_needing_sip, those with a linked SIP / discharges_needing_sip.",
		"Share of SIPs open at A.",
		"Over the due SIPs.",
		"Pending SIPs at the end of P.",
		"value = due with a meeting (≤ A).",
	} {
		if len(plainTextProblems(bad, fields, true)) == 0 {
			t.Errorf("the check passes %q", bad)
		}
	}
	for _, good := range []string{
		"A SIP whose first SIP meeting has an implausible date is left out.",
		"Antal SIP som är öppna på uttagsdagen. A consent counts if decided by the end of the period.",
		"Pågående SIP vid periodens slut. Overdue follow-ups: 1 − närvaro.",
	} {
		if ps := plainTextProblems(good, fields, true); len(ps) > 0 {
			t.Errorf("the check rejects %q: %v", good, ps)
		}
	}
}

// TestDefinitionNamesArePlain: the names of the catalogue carry no shorthand either
// (issue 14: "Försenade uppföljningar vid A").
func TestDefinitionNamesArePlain(t *testing.T) {
	fields := fieldNames()
	for _, k := range Catalog() {
		for _, n := range []string{k.NameSV, k.NameEN} {
			if ps := plainTextProblems(n, fields, false); len(ps) > 0 {
				t.Errorf("%s name %q: %v", k.ID, n, ps)
			}
		}
	}
}
