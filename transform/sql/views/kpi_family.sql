-- kpi_<family> (one view per KPI family, generated from the families of
-- build.go): the rows of kpi_values for the KPIs of the family, with their
-- names; one row per period × KPI × breakdown × group.
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
    where c.family = {{ literal .Family }}
)

select * from final
