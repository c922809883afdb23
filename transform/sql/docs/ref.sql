-- docs/ref.sql: COMMENT ON the reference tables (sql/ref, core/ref_groups)
-- and their columns, Swedish term first. Grain: one statement per table or column.


-- kpi_labels
comment on table kpi_labels is 'Etiketter: one row per label of the catalogue in Swedish and English: families, breakdowns, units, directions, statuses, trends and the groups of every breakdown.';
comment on column kpi_labels.kind is 'Slag: family, breakdown, unit, direction, status, trend, or group:<breakdown>.';
comment on column kpi_labels.code is 'Kod: the code labelled (a family id, breakdown, unit, status, group value …).';
comment on column kpi_labels.label_sv is 'Etikett på svenska.';
comment on column kpi_labels.label_en is 'Label in English.';

-- ref_codes
comment on table ref_codes is 'Kodverk: one row per code of every code list, with its Swedish label (etikett).';
comment on column ref_codes.code_list is 'Kodverk: the code list''s name (e.g. context, org_type).';
comment on column ref_codes.code is 'Kod: the English code stored in the data.';
comment on column ref_codes.label is 'Etikett: the Swedish label shown in reports.';

-- ref_groups
comment on table ref_groups is 'Grupper: one row per breakdown and group value used in kpi_values, with the Swedish label.';
comment on column ref_groups.breakdown is 'Indelning: total, region, municipality, context, target_group, age_band, sex, org_type, mode, …';
comment on column ref_groups.group_value is 'Grupp: the group''s code within the breakdown; empty string for total.';
comment on column ref_groups.group_label is 'Gruppens svenska etikett (municipality name, code label).';
comment on column ref_groups.group_label_en is 'The group''s English label.';

-- ref_municipalities
comment on table ref_municipalities is 'Kommuner och län (SCB): one row per municipality (kommun), with its county (län).';
comment on column ref_municipalities.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column ref_municipalities.municipality_name is 'Kommunnamn (SCB).';
comment on column ref_municipalities.county_code is 'Länskod (SCB).';
comment on column ref_municipalities.county_name is 'Länsnamn (SCB).';

-- ref_org_types
comment on table ref_org_types is 'Verksamhetstyper: one row per org type, with its Swedish label and principal (huvudman).';
comment on column ref_org_types.org_type is 'Verksamhetstyp (org type); ref_org_types has the label and principal.';
comment on column ref_org_types.label is 'Verksamhetstyp på svenska.';
comment on column ref_org_types.principal is 'Huvudman: municipality (kommun), region, state (stat) or other.';
