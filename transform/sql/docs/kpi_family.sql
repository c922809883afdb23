-- docs/kpi_family.sql: COMMENT ON the columns of a family view kpi_<family>
-- (views/kpi_family.sql), rendered for every family of build.go like the view.
-- Grain: one statement per column.

comment on column kpi_{{ .Family }}.period is 'Period: a calendar quarter such as 2026Q3 (kvartal).';
comment on column kpi_{{ .Family }}.period_start is 'Periodens första dag.';
comment on column kpi_{{ .Family }}.period_end is 'Periodens sista dag (inclusive).';
comment on column kpi_{{ .Family }}.kpi_id is 'Nyckeltal: the KPI''s stable id (kpi_catalog).';
comment on column kpi_{{ .Family }}.breakdown is 'Indelning: total, region, municipality, context, target_group, age_band, sex, org_type, mode, …';
comment on column kpi_{{ .Family }}.group_value is 'Grupp: the group''s code within the breakdown; empty string for total.';
comment on column kpi_{{ .Family }}.group_label is 'Gruppens svenska etikett (municipality name, code label).';
comment on column kpi_{{ .Family }}.value is 'Värde: the KPI value in its unit (a share 0…1); null where nothing to compute.';
comment on column kpi_{{ .Family }}.numerator is 'Täljare: the numerator of a share (null otherwise).';
comment on column kpi_{{ .Family }}.denominator is 'Nämnare: the denominator of a share (null otherwise).';
comment on column kpi_{{ .Family }}.n is 'Antal enheter: the number of units behind the value (the small-number rule looks at it).';
comment on column kpi_{{ .Family }}.excluded is 'Exkluderade: units left out because of a data-quality flag.';
comment on column kpi_{{ .Family }}.no_data is 'Uppgift saknas: an optional table the KPI needs was not delivered ("-", never 0).';
comment on column kpi_{{ .Family }}.preliminary is 'Preliminärt: true while the period''s end + the KPI''s observation window (kpi_catalog.observation_window_days) is after the as-of date; the value can still change (kpis.md Preliminary values).';
comment on column kpi_{{ .Family }}.status is 'Status mot mål: met | not_met against the KPI''s target (kpi_catalog.target, set in the settings file''s [targets]); none without a target or value, or for a preliminary value.';
comment on column kpi_{{ .Family }}.trend is 'Trend mot samma kvartal året före: better | worse | unchanged (within random variation, p ≥ 0.05: two-proportion test for shares, Poisson test for counts, medians by the change only), direction-aware; none for neutral KPIs or without a comparison.';
comment on column kpi_{{ .Family }}.reference_value is 'Referensvärde: beside a municipality its region''s value, beside a region (or the total) the nation''s when the database holds all regions; null otherwise.';
comment on column kpi_{{ .Family }}.name_sv is 'Namn på svenska (report label).';
comment on column kpi_{{ .Family }}.unit is 'Enhet: count, share (andel 0…1), days, rate, index, mean.';
comment on column kpi_{{ .Family }}.sort_order is 'Ordning in reports.';
