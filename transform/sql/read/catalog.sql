-- LoadCatalog: one row per KPI of kpi_catalog, in catalogue order.
with final as (
    select
        c.kpi_id, c.family, c.name_sv, c.name_en, c.unit, c.direction, c.target,
        c.target_source, c.definition_sv, c.definition_en,
        array_to_string(c.breakdowns, ',') as breakdowns,
        array_to_string(c.requires, ',') as requires,
        c.sort_order, c.target_op, c.reference_line, c.observation_window_days,
        c.headline, c.is_point_in_time, c.is_detail, c.family_sv, c.family_en,
        c.unit_sv, c.unit_en
    from kpi_catalog as c
)

select * from final order by sort_order, kpi_id
