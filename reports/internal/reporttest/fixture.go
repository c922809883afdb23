// Package reporttest builds databases for the reports' tests: a small
// hand-filled one whose every figure is known (Fixture), and the real
// pipeline's (Pipeline).
package reporttest

import (
	"context"
	"embed"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipstat/sipstat/transform"
	"github.com/sipstat/sipstat/warehouse"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// FixtureKPI is one catalogue row of the fixture.
type FixtureKPI struct {
	ID, Family, NameSV, Unit, Direction string
	Target                              *float64
	Breakdowns                          map[string][]string // breakdown → group codes
}

func f(x float64) *float64 { return &x }

// FixtureKPIs is the fixture's catalogue, in report order.
var FixtureKPIs = []FixtureKPI{
	{"needs_detected", "coverage", "Upptäckta behov", "count", "neutral", nil, map[string][]string{"municipality": Munis}},
	{"coverage", "coverage", "Andel behov som lett till SIP-möte", "share", "higher", f(0.9), map[string][]string{"municipality": Munis, "context": {"discharge", "child_placement", "standard"}}},
	{"lead_time_median_days", "lead_times", "Ledtid behov → SIP-möte, median (dagar)", "days", "lower", f(21), map[string][]string{"municipality": Munis, "context": {"discharge", "child_placement", "standard"}}},
	{"meetings_held", "attendance", "Genomförda SIP-möten", "count", "neutral", nil, map[string][]string{"municipality": Munis}},
	{"summoned_attendance_share", "attendance", "Närvaro bland kallade", "share", "higher", f(0.95), map[string][]string{"municipality": Munis, "org_type": {"primary_care", "social_services", "school"}, "mode": {"in_person", "video"}}},
	{"summoned_absent_share", "attendance", "Uteblivna trots kallelse", "share", "lower", nil, map[string][]string{"municipality": Munis, "org_type": {"primary_care", "social_services", "school"}}},
	{"individual_present_share", "participation", "Den enskilde deltog", "share", "higher", nil, map[string][]string{"municipality": Munis}},
	{"goal_achieved_share", "goals", "Uppfyllda", "share", "higher", nil, map[string][]string{"municipality": Munis}},
	{"goal_partly_share", "goals", "Delvis uppfyllda", "share", "neutral", nil, map[string][]string{"municipality": Munis}},
	{"goal_not_achieved_share", "goals", "Ej uppfyllda", "share", "lower", nil, map[string][]string{"municipality": Munis}},
	{"sips_closed", "closure", "Avslutade SIP", "count", "neutral", nil, map[string][]string{"municipality": Munis}},
	{"deviations", "deviations", "Avvikelser", "count", "lower", nil, map[string][]string{"municipality": Munis, "category": {"no_initiative", "absent_despite_summons", "other"}}},
	{"video_share", "ways_of_working", "Andel SIP-möten på distans", "share", "neutral", nil, map[string][]string{"municipality": Munis}},
	{"survey_dim_information", "user_audit", "Information", "index", "higher", nil, map[string][]string{"respondent": {"individual", "guardian"}}},
}

// Munis are the fixture's municipalities (Stockholms län).
var Munis = []string{"0114", "0115", "0180"}

var labels = map[string]string{
	"0114": "Upplands Väsby", "0115": "Vallentuna", "0180": "Stockholm",
	"discharge": "Utskrivning från sluten vård", "child_placement": "Placering av barn/unga", "standard": "SoL/HSL",
	"primary_care": "Vårdcentral", "social_services": "Socialtjänst", "school": "Skola",
	"in_person": "Fysiskt möte", "video": "Video",
	"no_initiative": "Ingen SIP initierad trots behov", "absent_despite_summons": "Kallad part uteblev", "other": "Annat",
	"individual": "Den enskilde", "guardian": "Vårdnadshavare",
}

// FixtureAsOf is the fixture's as-of date; its latest complete quarter is 2026Q3.
var FixtureAsOf = time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)

// FixtureValue is the fixture's figure for one cell. Every number follows
// from the quarter index qi (0 = 2024Q4 … 7 = 2026Q3), the KPI's position k
// and the group's position g, so tests can recompute it.
func FixtureValue(kpi FixtureKPI, k, qi, g int) transform.Value {
	v := transform.Value{KPIID: kpi.ID}
	// n: totals are large; group 0 of every breakdown is small (3) in odd
	// quarters, to exercise primary and complementary suppression.
	n := int64(40 + 5*qi + k)
	if g >= 0 {
		n = int64(12 + 3*g + qi)
		if g == 0 && qi%2 == 1 {
			n = 3
		}
	}
	v.N = n
	switch kpi.Unit {
	case "count":
		x := float64(n)
		v.Value = &x
	case "share":
		num := float64(n) * (0.5 + 0.05*float64((qi+g+k)%8))
		num = float64(int64(num))
		den := float64(n)
		x := num / den
		v.Value, v.Numerator, v.Denominator = &x, &num, &den
	case "days":
		x := float64(14 + qi + 2*g + k%3)
		v.Value = &x
	default:
		x := 50 + float64(qi) + 2.5*float64(g)
		v.Value = &x
	}
	v.Excluded = int64(k % 3)
	return v
}

// Fixture returns an in-memory database holding the tables reports read,
// filled by hand.
func Fixture(t testing.TB) *warehouse.DB {
	t.Helper()
	ctx := context.Background()
	db, err := warehouse.Open(ctx, "", warehouse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	schema, err := sqlFiles.ReadFile("sql/fixture_schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, string(schema)); err != nil {
		t.Fatalf("fixture_schema.sql: %v", err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`insert into load_sources values ('test', '01', '1', ?, ?, 'abc', '/tmp/x')`, FixtureAsOf, FixtureAsOf.Add(time.Hour))
	exec(`insert into load_files values ('test', 'sips', 'sips.csv', 'csv', 'utf-8', ';', 120, 117, 3)`)
	exec(`insert into load_files values ('test', 'meetings', 'meetings.xlsx', 'xlsx', '', '', 300, 300, 0)`)
	exec(`insert into load_rejects values ('test', 'sips', 'sips.csv', 5, 'need_detected_date', 'not a date'),
		('test', 'sips', 'sips.csv', 9, 'need_detected_date', 'not a date'),
		('test', 'sips', 'sips.csv', 17, 'municipality_code', 'unknown municipality')`)
	exec(`insert into load_warnings values ('test', 'sips.csv', 'column "comment" is not in the contract; ignored')`)
	exec(`insert into dq_rules values ('meeting_before_need', 'meetings', 'Möte före upptäckt behov', 'Meeting before need'), ('goal_without_meeting', 'goals', 'Delmål utan möte', 'Goal without meeting')`)
	exec(`insert into dq_flags values ('meeting_before_need', 'meetings', 'test', 'm1', 's1'), ('meeting_before_need', 'meetings', 'test', 'm2', 's2')`)
	for i, k := range FixtureKPIs {
		var target any
		if k.Target != nil {
			target = *k.Target
		}
		exec(`insert into kpi_catalog (kpi_id, family, name_sv, name_en, unit, direction, target, target_source,
			definition_sv, definition_en, breakdowns, requires, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			k.ID, k.Family, k.NameSV, k.ID, k.Unit, k.Direction, target, "test", "Definition av "+k.NameSV, "", breakdowns(k), []string{}, i+1)
	}
	exec(`update kpi_catalog set target_op = case when direction = 'lower' then '<=' else '>=' end where target is not null`)
	trend := transform.LatestCompleteQuarter(FixtureAsOf).Trend(8)
	for qi, p := range trend {
		for ki, k := range FixtureKPIs {
			insert := func(breakdown, group string, g int) {
				v := FixtureValue(k, ki, qi, g)
				exec(`insert into kpi_values (period, period_start, period_end, kpi_id, breakdown, group_value, group_label,
					value, numerator, denominator, n, excluded, no_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					p.Label, p.Start, p.End, k.ID, breakdown, group, labels[group], v.Value, v.Numerator, v.Denominator, v.N, v.Excluded, false)
			}
			insert("total", "", -1)
			for b, groups := range k.Breakdowns {
				for g, code := range groups {
					insert(b, code, g)
				}
			}
		}
	}
	// What transform judges per value, set by hand as the fixture's facts:
	// the status against each target (coverage 0.84 < 0.9 not met, the
	// median 21 ≤ 21 met), coverage of the period preliminary (its
	// observation window, 90 days, runs past the as-of date), summoned
	// attendance better than a year earlier, and the headline KPIs of the
	// steering summary.
	last := trend[len(trend)-1].Label
	exec(`update kpi_values v set status = case when c.target_op = '>=' and v.value >= c.target or c.target_op = '<=' and v.value <= c.target
		then 'met' else 'not_met' end from kpi_catalog c where c.kpi_id = v.kpi_id and c.target is not null and v.value is not null`)
	exec(`update kpi_values set preliminary = true, status = 'none' where kpi_id = 'coverage' and period = ?`, last)
	exec(`update kpi_values set trend = 'better' where kpi_id = 'summoned_attendance_share' and period = ? and breakdown = 'total'`, last)
	exec(`update kpi_catalog set headline = true, observation_window_days = case when kpi_id = 'coverage' then 90 else 0 end
		where kpi_id in ('coverage', 'summoned_attendance_share', 'individual_present_share', 'goal_achieved_share')`)
	return db
}

func breakdowns(k FixtureKPI) []string {
	out := []string{}
	for _, b := range transform.Breakdowns {
		if _, ok := k.Breakdowns[b]; ok {
			out = append(out, b)
		}
	}
	return out
}

// Path returns a fresh database path in a test's temp dir.
func Path(t testing.TB) string {
	return filepath.Join(t.TempDir(), fmt.Sprintf("%s.duckdb", "sip"))
}
