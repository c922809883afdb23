-- The tables reports read, as ingest and transform write them
-- (docs/architecture.md), for the hand-filled test fixture; reports/model's
-- TestFixtureSchemaMatchesThePipeline fails when a column drifts from them.
-- Grain: see each table.
create table load_sources (source varchar, region_code varchar, contract_version varchar,
    extracted_at date, loaded_at timestamp, fingerprint varchar, extract_dir varchar);
create table load_files (source varchar, table_name varchar, file_name varchar, format varchar,
    encoding varchar, delimiter varchar, rows_read bigint, rows_loaded bigint, rows_rejected bigint);
create table load_rejects (source varchar, table_name varchar, file_name varchar, line bigint,
    column_name varchar, reason varchar);
create table load_warnings (source varchar, file_name varchar, message varchar);
create table dq_rules (rule_id varchar, table_name varchar, description_sv varchar, description_en varchar);
create table dq_flags (rule_id varchar, table_name varchar, source varchar, row_id varchar, sip_id varchar);
create table kpi_catalog (kpi_id varchar, family varchar, name_sv varchar, name_en varchar,
    unit varchar, direction varchar, target double, target_source varchar, definition_sv varchar,
    definition_en varchar, breakdowns varchar[], requires varchar[], sort_order integer,
    target_op varchar, reference_line double, observation_window_days integer default 0,
    headline boolean default false, is_point_in_time boolean default false, is_detail boolean default false,
    family_sv varchar default '', family_en varchar default '', unit_sv varchar default '', unit_en varchar default '');
create table kpi_values (period varchar, period_start date, period_end date, kpi_id varchar,
    breakdown varchar, group_value varchar, group_label varchar, value double, numerator double,
    denominator double, n bigint, excluded bigint, no_data boolean,
    preliminary boolean default false, status varchar default 'none', trend varchar default 'none',
    reference_value double);
create schema staging;
create table staging.stg_sips (source varchar, need_detected_date date, closed_date date);
create table staging.stg_meetings (source varchar, held_date date);
create table staging.stg_consents (source varchar, decision_date date);
