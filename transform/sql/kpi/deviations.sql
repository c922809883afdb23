-- deviations family: one row per period × KPI × breakdown × group for
-- deviations and deviations_per_100_meetings.
-- Units: deviation reports by reported_date (region and municipality are
-- the report's own); validly held meetings by held_date (region and
-- municipality of their SIP).
-- inputs: deviations, meetings (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $deviation := breakdowns "deviations" "deviations_per_100_meetings" }}
{{ $meeting := breakdowns "deviations_per_100_meetings" }}
with deviation_units as (
    select
        p.period,
        {{ $deviation.Columns "d" }}
    from deviations as d
    inner join kpi_period_days as p
        on p.day = d.reported_date
),

deviation_agg as materialized (
    select
        u.period,
        {{ $deviation.Label "u" }},
        count(*) as deviations
    from deviation_units as u
    {{ $deviation.GroupBy "u" "period" }}
),

meeting_units as (
    select
        p.period,
        {{ $meeting.Columns "m" }}
    from meetings as m
    inner join kpi_period_days as p
        on p.day = m.held_date
    where m.is_valid_held
),

meeting_agg as materialized (
    select
        u.period,
        {{ $meeting.Label "u" }},
        count(*) as meetings
    from meeting_units as u
    {{ $meeting.GroupBy "u" "period" }}
),

rate as (
    select
        coalesce(d.period, m.period) as period,
        coalesce(d.breakdown, m.breakdown) as breakdown,
        coalesce(d.group_value, m.group_value) as group_value,
        coalesce(d.deviations, 0) as deviations,
        coalesce(m.meetings, 0) as meetings
    from (
        select * from deviation_agg where breakdown in ({{ $meeting.Names }})
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
