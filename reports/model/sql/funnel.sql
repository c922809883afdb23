-- funnel.sql: the funnel plots of the report's period (kpi_funnel, built by
-- transform): one row per share KPI × municipality with a published value,
-- its limits and whether it lies outside 99.8 %.
-- Grain: one row per kpi_id × municipality_code. Inputs: kpi_funnel.
-- Parameters: $1 period, $2 region code ('' for every region).
with funnel as (
    select
        f.kpi_id,
        f.municipality_code,
        coalesce(f.municipality_name, f.municipality_code) as municipality_name,
        f.value,
        f.numerator,
        f.denominator,
        f.centre,
        f.lower_95,
        f.upper_95,
        f.lower_998,
        f.upper_998,
        f.signal
    from kpi_funnel as f
    where f.period = $1 and ($2 = '' or f.region_code = $2)
),

final as (
    select * from funnel
)

select * from final
order by kpi_id, denominator, municipality_code
