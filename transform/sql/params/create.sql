-- The parameter tables of one run, temp tables of the connection, so that
-- settings reach every model as bound values and a Compute on a read-only
-- database can use them too.
--   kpi_params: one row — the as-of date and the settings
--   kpi_sources: one row per source in scope
--   kpi_context_targets: one row per context with its own meeting target
--   kpi_periods: one row per period computed
--   kpi_reference: a municipality scope's reference values (the region's,
--     from the built kpi_values), keyed like the scope's rows; empty otherwise
--   age_band(age): a temp macro, the age band of an age in whole years
--     (catalog.toml [labels.age_band]), null for an unknown age — the one
--     definition core/sips, core/meetings and core/discharges read
-- kpi_params.municipality_code is the SCB kommunkod of a municipality scope
-- (every model and breakdown for that municipality only), null otherwise.
create or replace temp table kpi_params (
    as_of date not null,
    region_name varchar,
    meeting_target_days integer not null,
    meeting_target_days_children integer,
    follow_up_tolerance_days integer not null,
    consent_validity_days integer not null,
    discharge_summons_days integer not null,
    small_number_threshold integer not null,
    child_consent_rule varchar not null,
    municipality_code varchar
);
create or replace temp table kpi_sources (source varchar not null);
create or replace temp table kpi_context_targets (context varchar not null, target_days integer not null);
create or replace temp table kpi_periods (period varchar not null, period_start date not null, period_end date not null);
create or replace temp table kpi_reference (
    period varchar not null,
    kpi_id varchar not null,
    breakdown varchar not null,
    group_value varchar not null,
    value double
);
create or replace temp macro age_band(age) as
    case
        when age is null then null
        when age < 13 then '0-12'
        when age < 18 then '13-17'
        when age < 65 then '18-64'
        when age < 80 then '65-79'
        else '80+'
    end::{{ age_band_type }};
