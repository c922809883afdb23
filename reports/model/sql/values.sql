-- The KPI values of the given periods, exactly as transform wrote them.
-- Grain: one row per period × KPI × breakdown × group.
-- Input: $1 = a list of period labels.
with final as (
    select
        period,
        period_start,
        period_end,
        kpi_id,
        breakdown,
        coalesce(group_value, '') as group_value,
        coalesce(group_label, '') as group_label,
        value,
        numerator,
        denominator,
        coalesce(n, 0) as n,
        coalesce(excluded, 0) as excluded,
        coalesce(no_data, false) as no_data
    from kpi_values
    where list_contains($1::varchar[], period)
)
select * from final
order by period, kpi_id, breakdown, group_value
