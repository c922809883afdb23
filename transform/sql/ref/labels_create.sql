-- kpi_labels: one row per label of the catalogue — kind (family, breakdown,
-- unit, direction, status, trend, or group:<breakdown> for the groups of a
-- breakdown), code, Swedish and English label. Rewritten by every Build.
create or replace table kpi_labels (
    kind varchar not null,
    code varchar not null,
    label_sv varchar not null,
    label_en varchar not null
)
