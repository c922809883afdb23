// The reference tables, written from the contract package and the labels.

package transform

import (
	"context"

	"github.com/sipstat/sipstat/contract"
)

// refTables writes ref_municipalities (SCB's list, contract.SCBMunicipalities), ref_org_types and
// ref_codes (from the contract package) and ref_groups.
func (r *runner) refTables(ctx context.Context) error {
	if err := r.exec(ctx, "ref/create.sql", ""); err != nil {
		return err
	}
	var munis []map[string]string
	for _, m := range contract.SCBMunicipalities {
		munis = append(munis, map[string]string{"municipality_code": m.Code, "municipality_name": m.Name, "county_code": m.CountyCode, "county_name": m.CountyName})
	}
	if err := r.execJSON(ctx, "ref/municipality.sql", munis); err != nil {
		return err
	}
	var orgs []map[string]string
	for _, o := range contract.OrgTypes {
		orgs = append(orgs, map[string]string{"org_type": o.Code, "label": o.Label, "principal": string(o.Principal)})
	}
	if err := r.execJSON(ctx, "ref/org_type.sql", orgs); err != nil {
		return err
	}
	var codes []map[string]string
	for _, t := range contract.Tables {
		for _, c := range t.Columns {
			if c.Codes == nil {
				continue
			}
			for _, code := range c.Codes.Codes {
				codes = append(codes, map[string]string{"code_list": c.Codes.Name, "code": code.Code, "label": code.Label})
			}
		}
	}
	if err := r.execJSON(ctx, "ref/code.sql", codes); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/dedupe_codes.sql", ""); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/labels_create.sql", ""); err != nil {
		return err
	}
	if err := r.execJSON(ctx, "ref/label.sql", Labels()); err != nil {
		return err
	}
	if err := r.exec(ctx, "ref/group_labels.sql", ""); err != nil {
		return err
	}
	return r.createAs(ctx, "ref_groups", "core/ref_groups.sql")
}
