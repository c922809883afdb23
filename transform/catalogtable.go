// kpi_catalog: the embedded catalogue with the settings' targets, the
// user audit's questions and their overrides.

package transform

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// catalog writes kpi_catalog: the embedded catalogue with the settings'
// targets, then the user audit's questions.
func (r *runner) catalog(ctx context.Context, s Settings) error {
	if r.temp {
		r.created = append(r.created, "kpi_catalog")
	}
	if err := r.exec(ctx, "catalog/create.sql", ""); err != nil {
		return err
	}
	kpis := CatalogWith(s)
	last := 0
	rows := make([]map[string]any, len(kpis))
	known := map[string]bool{}
	for i, k := range kpis {
		known[k.ID] = true
		var op any
		if k.TargetOp != "" {
			op = k.TargetOp
		}
		rows[i] = map[string]any{
			"kpi_id": k.ID, "family": k.Family, "name_sv": k.NameSV, "name_en": k.NameEN,
			"unit": string(k.Unit), "direction": k.Direction, "target": k.Target,
			"target_source": k.TargetSource, "definition_sv": k.DefinitionSV, "definition_en": k.DefinitionEN,
			"breakdowns": append([]string{}, k.Breakdowns...), "requires": append([]string{}, k.Requires...),
			"sort_order": k.Order, "target_op": op, "reference_line": k.ReferenceLine,
			"observation_window_days": k.ObservationWindowDays, "headline": k.Headline,
			"is_point_in_time": k.PointInTime, "is_detail": k.Detail,
			"family_sv": k.FamilySV, "family_en": k.FamilyEN, "unit_sv": k.UnitSV, "unit_en": k.UnitEN,
		}
		last = max(last, k.Order)
	}
	if err := r.execJSON(ctx, "catalog/kpi.sql", rows); err != nil {
		return err
	}
	if err := r.exec(ctx, "catalog/survey_questions.sql", "", strings.Join(surveyBreakdowns, ","), strings.Join(surveyTables, ","), last+10); err != nil {
		return err
	}
	return r.surveyOverrides(ctx, s, known)
}

// surveyOverrides applies the settings' targets and observation windows of
// per-question user-audit KPIs (survey_<question>…, known only from the
// data) to kpi_catalog; an id the data has no KPI for is an error naming it.
func (r *runner) surveyOverrides(ctx context.Context, s Settings, known map[string]bool) error {
	targets, err := s.ParseTargets()
	if err != nil {
		return fmt.Errorf("transform: settings: %w", err)
	}
	type override struct {
		KPIID  string   `json:"kpi_id"`
		Op     *string  `json:"target_op"`
		Target *float64 `json:"target"`
		Window *int     `json:"observation_window_days"`
	}
	byID := map[string]*override{}
	for id, t := range targets {
		if !known[id] {
			op, level := t.Op, t.Level
			byID[id] = &override{KPIID: id, Op: &op, Target: &level}
		}
	}
	for id, w := range s.ObservationWindowDays {
		if !known[id] {
			if byID[id] == nil {
				byID[id] = &override{KPIID: id}
			}
			w := w
			byID[id].Window = &w
		}
	}
	if len(byID) == 0 {
		return nil
	}
	var ids []string
	var list []*override
	for id, o := range byID {
		ids = append(ids, id)
		list = append(list, o)
	}
	sort.Strings(ids)
	b, err := json.Marshal(list)
	if err != nil {
		return err
	}
	found, err := stringSet(ctx, r.q, "catalog/setting_override.sql", TargetSourceSettings, string(b))
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !found[id] {
			return fmt.Errorf("transform: settings: %s: no KPI with that id (a user-audit question id of the data is survey_<question_id>, with _mean or _top_box_share)", id)
		}
	}
	return nil
}
