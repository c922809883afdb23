-- The KPI catalogue as transform wrote it.
-- Grain: one row per KPI, in report order.
with final as (
    select
        kpi_id,
        family,
        name_sv,
        name_en,
        unit,
        direction,
        target,
        coalesce(target_source, '') as target_source,
        coalesce(definition_sv, '') as definition_sv,
        coalesce(definition_en, '') as definition_en,
        sort_order
    from kpi_catalog
)
select * from final
order by sort_order, kpi_id
