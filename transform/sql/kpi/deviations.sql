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
        {{ $deviation.PeriodColumns "d" }}
    from deviations as d
    inner join kpi_period_days as p on p.day = d.reported_date
),

deviation_agg as materialized (
    select {{ $deviation.PeriodLabel "u" }},
        count(*) as deviations
    from deviation_units as u
    {{ $deviation.GroupBy "u" "period" }}
),

meeting_units as (
    select
        {{ $meeting.PeriodColumns "m" }}
    from meetings as m
    inner join kpi_period_days as p on p.day = m.held_date
    where m.is_valid_held
),

meeting_agg as materialized (
    select {{ $meeting.PeriodLabel "u" }},
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
    {{ count "deviations" "deviations" "0" "deviation_agg" }}
    union all {{ rate "deviations_per_100_meetings" "deviations" "meetings" "100.0" "meetings" "0" "rate" }}
)

select * from final
