-- kpi_catalog: one row per KPI — the metadata every output reads.
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
    sort_order integer not null
)
