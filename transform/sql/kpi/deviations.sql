-- deviations family: one row per period × KPI × breakdown × group for
-- deviations and deviations_per_100_meetings.
-- Units: deviation reports by reported_date (region and municipality are
-- the report's own); validly held meetings by held_date (region and
-- municipality of their SIP).
-- inputs: deviations, meetings (core), kpi_period_days
with deviation_units as (
    select
        p.period,
        coalesce(d.region_code, 'unknown') as region_code,
        coalesce(d.municipality_code, 'unknown') as municipality_code,
        coalesce(d.category, 'unknown') as category,
        coalesce(d.reported_by_org, 'unknown') as reported_by_org,
        coalesce(d.concerns_org, 'unknown') as concerns_org
    from deviations as d
    inner join kpi_period_days as p
        on p.day = d.reported_date
),

deviation_agg as materialized (
    select
        u.period,
        case
            when grouping(u.region_code) = 0 then 'region'
            when grouping(u.municipality_code) = 0 then 'municipality'
            when grouping(u.category) = 0 then 'category'
            when grouping(u.reported_by_org) = 0 then 'reported_by_org'
            when grouping(u.concerns_org) = 0 then 'concerns_org'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, u.category, u.reported_by_org, u.concerns_org, '') as group_value,
        count(*) as deviations
    from deviation_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code),
        (u.period, u.category),
        (u.period, u.reported_by_org),
        (u.period, u.concerns_org)
    )
),

meeting_units as (
    select
        p.period,
        coalesce(m.region_code, 'unknown') as region_code,
        coalesce(m.municipality_code, 'unknown') as municipality_code
    from meetings as m
    inner join kpi_period_days as p
        on p.day = m.held_date
    where m.is_valid_held
),

meeting_agg as materialized (
    select
        u.period,
        case
            when grouping(u.region_code) = 0 then 'region'
            when grouping(u.municipality_code) = 0 then 'municipality'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, '') as group_value,
        count(*) as meetings
    from meeting_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code)
    )
),

rate as (
    select
        coalesce(d.period, m.period) as period,
        coalesce(d.breakdown, m.breakdown) as breakdown,
        coalesce(d.group_value, m.group_value) as group_value,
        coalesce(d.deviations, 0) as deviations,
        coalesce(m.meetings, 0) as meetings
    from (
        select * from deviation_agg where breakdown in ('total', 'region', 'municipality')
    ) as d
    full outer join meeting_agg as m
        on m.period = d.period and m.breakdown = d.breakdown and m.group_value = d.group_value
),

final as (
    select period, 'deviations' as kpi_id, breakdown, group_value,
        deviations::double as value, null::double as numerator, null::double as denominator,
        deviations as n, 0::bigint as excluded
    from deviation_agg
    union all
    select period, 'deviations_per_100_meetings', breakdown, group_value,
        case when meetings > 0 then deviations * 100.0 / meetings end,
        deviations, meetings, meetings, 0
    from rate
)

select * from final
