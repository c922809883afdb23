-- kpi_follow_up: the rows of kpi_values for the KPIs of family follow_up, with
-- their names; one row per period × KPI × breakdown × group.
-- inputs: kpi_values, kpi_catalog
with final as (
    select
        v.*,
        c.name_sv,
        c.unit,
        c.sort_order
    from kpi_values as v
    inner join kpi_catalog as c
        on c.kpi_id = v.kpi_id
    where c.family = 'follow_up'
)

select * from final
