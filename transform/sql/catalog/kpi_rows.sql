-- kpi_rows: the long-format rows of every family before assembly (temp):
-- one row per period × KPI × breakdown × group that has units.
create or replace temp table kpi_rows (
    period varchar not null,
    kpi_id varchar not null,
    breakdown varchar not null,
    group_value varchar not null,
    value double,
    numerator double,
    denominator double,
    n bigint not null,
    excluded bigint not null
)
