-- Data test: every (kpi_id, breakdown) of kpi_values is the KPI's total or a
-- breakdown catalog.toml lists for it (kpi_catalog.breakdowns). Returns the
-- rows breaking the rule, one per (kpi_id, breakdown), with their count.
-- inputs: kpi_values, kpi_catalog
with catalogued as (
    select c.kpi_id, unnest(list_append(c.breakdowns, 'total')) as breakdown
    from kpi_catalog as c
),

final as (
    select v.kpi_id, v.breakdown, count(*) as value_rows
    from kpi_values as v
    anti join catalogued as c
        on c.kpi_id = v.kpi_id and c.breakdown = v.breakdown
    group by v.kpi_id, v.breakdown
)

select * from final order by kpi_id, breakdown
