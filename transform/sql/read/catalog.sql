-- LoadCatalog: one row per KPI of kpi_catalog, in catalogue order.
with final as (
    select
        c.kpi_id, c.family, c.name_sv, c.name_en, c.unit, c.direction, c.target,
        c.target_source, c.definition_sv, c.definition_en,
        array_to_string(c.breakdowns, ',') as breakdowns,
        array_to_string(c.requires, ',') as requires,
        c.sort_order
    from kpi_catalog as c
)

select * from final order by sort_order, kpi_id
