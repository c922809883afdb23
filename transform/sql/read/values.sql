-- Values: one row per period × KPI × breakdown × group of kpi_values, in
-- catalogue order, then period, breakdown (display order) and group.
-- parameters: 1, 2 = periods, 3, 4 = KPI ids, 5, 6 = breakdowns, each joined
-- by chr(31) ('' = all); 7 = the breakdowns in display order, joined by ','
with filtered as (
    select v.*
    from kpi_values as v
    where (? = '' or list_contains(string_split(?, chr(31)), v.period))
        and (? = '' or list_contains(string_split(?, chr(31)), v.kpi_id))
        and (? = '' or list_contains(string_split(?, chr(31)), v.breakdown))
),

final as (
    select
        f.period,
        f.period_start,
        f.period_end,
        f.kpi_id,
        f.breakdown,
        f.group_value,
        f.group_label,
        f.value,
        f.numerator,
        f.denominator,
        f.n,
        f.excluded,
        f.no_data,
        f.preliminary,
        f.status,
        f.trend,
        f.reference_value,
        c.sort_order,
        coalesce(list_position(string_split(?, ','), f.breakdown), 999) as breakdown_order
    from filtered as f
    left join kpi_catalog as c
        on c.kpi_id = f.kpi_id
)

select
    period, period_start, period_end, kpi_id, breakdown, group_value, group_label,
    value, numerator, denominator, n, excluded, no_data, preliminary, status, trend,
    reference_value
from final
order by sort_order, kpi_id, period_start, period_end, period, breakdown_order, group_value
