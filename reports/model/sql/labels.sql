-- labels.sql: the catalogue's labels in Swedish and English (kpi_labels,
-- built by transform): families, breakdowns, units, statuses, trends and
-- the groups of every breakdown.
-- Grain: one row per kind × code. Inputs: kpi_labels.
with labels as (
    select kind, code, label_sv, label_en
    from kpi_labels
),

final as (
    select * from labels
)

select kind, code, label_sv, label_en from final
