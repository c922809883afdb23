-- kpi_settings: one row per setting (and the as-of date, the sources and the
-- build time) that kpi_values was computed with.
create or replace table kpi_settings (
    key varchar not null,
    value varchar
)
