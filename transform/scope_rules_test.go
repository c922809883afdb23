package transform

import (
	"context"
	"io/fs"
	"strings"
	"testing"
)

// The rules marked kpi_input in catalog.toml (the ones a municipality scope
// computes) are exactly those whose id a file the KPI values or control
// charts are computed from (sql/kpi, sql/assemble, sql/compare) names as a
// literal 'id': today consent_child_one_guardian (kpi/consent.sql).
func TestKPIInputIsTheRulesKPIsRead(t *testing.T) {
	read := map[string]bool{}
	for _, dir := range []string{"sql/kpi", "sql/assemble", "sql/compare"} {
		entries, err := fs.ReadDir(sqlFiles, dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := fs.ReadFile(sqlFiles, dir+"/"+e.Name())
			if err != nil {
				t.Fatal(err)
			}
			for _, rule := range DQRules() {
				if strings.Contains(string(b), "'"+rule.ID+"'") {
					read[rule.ID] = true
				}
			}
		}
	}
	if !read["consent_child_one_guardian"] {
		t.Error("kpi/consent.sql no longer names consent_child_one_guardian: the scan finds nothing")
	}
	for _, rule := range DQRules() {
		if rule.KPIInput != read[rule.ID] {
			t.Errorf("dq rule %s: kpi_input = %v in catalog.toml, but a KPI file reads it: %v", rule.ID, rule.KPIInput, read[rule.ID])
		}
	}
}

// The scope's own dq_flags (ScopeTables) are the built dq_flags of
// consent_child_one_guardian for the municipality's SIPs, and no other
// rule's: with that rule skipped a scope would count a child's consent
// given by one guardian as valid (families fixture: K3's SIP T2 in 0114 is
// left out of consent_expired_active when both guardians must consent).
func TestScopeFlagsTheRuleKPIsRead(t *testing.T) {
	ctx := context.Background()
	s := DefaultSettings()
	s.ChildConsentRule = "both_guardians"
	db := fixtureDB(t, s, "basic", "families")
	const byMunicipality = `select s.municipality_code, count(*) from dq_flags as f
		join staging.stg_sips as s on s.source = f.source and s.sip_id = f.sip_id
		where f.rule_id = 'consent_child_one_guardian' group by all order by 2 desc limit 1`
	var code string
	var want int
	if err := db.QueryRowContext(ctx, byMunicipality).Scan(&code, &want); err != nil {
		t.Fatalf("no consent_child_one_guardian flag in the fixtures: %v", err)
	}
	var other int
	if err := db.QueryRowContext(ctx, `select count(*) from dq_flags where rule_id <> 'consent_child_one_guardian'`).Scan(&other); err != nil || other == 0 {
		t.Fatalf("the fixtures have no flag of another rule (%v): the test could not see one kept", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	release, err := ScopeTables(ctx, conn, code, Params{Settings: s})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var got, gotOther int
	if err := conn.QueryRowContext(ctx, `select count(*) filter (where rule_id = 'consent_child_one_guardian'),
		count(*) filter (where rule_id <> 'consent_child_one_guardian') from temp.dq_flags`).Scan(&got, &gotOther); err != nil {
		t.Fatal(err)
	}
	if got != want || gotOther != 0 {
		t.Errorf("scope %s: dq_flags has %d consent_child_one_guardian rows (want the built %d) and %d of other rules (want 0)", code, got, want, gotOther)
	}
	var excluded int64
	if err := conn.QueryRowContext(ctx, `select excluded from kpi_values where period = '2026Q3'
		and kpi_id = 'consent_expired_active' and breakdown = 'total'`).Scan(&excluded); err != nil {
		t.Fatal(err)
	}
	if code != "0114" || excluded != 1 {
		t.Errorf("scope %s: consent_expired_active excluded = %d, want T2 of 0114 left out (1)", code, excluded)
	}
}
