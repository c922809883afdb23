-- kpi_catalog: one row per KPI — the metadata every output reads: names,
-- unit, direction, target (none unless the settings set one), reference
-- line, observation window, labels of family and unit.
create or replace table kpi_catalog (
    kpi_id varchar not null,
    family varchar not null,
    name_sv varchar not null,
    name_en varchar not null,
    unit varchar not null,
    direction varchar not null,
    target double,
    target_source varchar,
    definition_sv varchar not null,
    definition_en varchar not null,
    breakdowns varchar[] not null,
    requires varchar[] not null,
    sort_order integer not null,
    target_op varchar,
    reference_line double,
    observation_window_days integer not null,
    headline boolean not null,
    is_point_in_time boolean not null,
    is_detail boolean not null,
    family_sv varchar not null,
    family_en varchar not null,
    unit_sv varchar not null,
    unit_en varchar not null
)
