-- follow_up family: one row per period × KPI × breakdown × group for
-- followups_due, followup_on_time_share, followup_date_missing_share,
-- followups_overdue, followups_held.
-- Units: held meetings by next_follow_up_date; initial and follow_up
-- meetings by held date (one scan); SIPs open at the as-of date A by their latest held meeting
-- (followups_overdue is a count at A, as kpis.md defines it: aggregated
-- once, one value in the latest period of the grid, no trend).
-- inputs: meetings, sips (core), kpi_periods, kpi_period_days, kpi_params
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $due := breakdowns "followups_due" "followup_on_time_share" }}
{{ $initial := breakdowns "followup_date_missing_share" "followups_held" }}
{{ $overdue := breakdowns "followups_overdue" }}
with params as (
    select * from kpi_params
),

follow_ups as (
    -- Per SIP, the held dates of its validly held follow_up meetings: one
    -- list per SIP, probed per due meeting instead of a correlated subquery.
    select m.source, m.sip_id, list(m.held_date) as held_dates
    from meetings as m
    where m.is_valid_held and m.kind = 'follow_up'
    group by m.source, m.sip_id
),

due_units as (
    -- Meetings that booked a follow-up due in the period; a meeting with a
    -- flagged date is excluded rather than counted.
    select {{ $due.PeriodColumns "m" }},
        m.is_valid_held,
        m.is_valid_held and coalesce(
            len(list_filter(
                f.held_dates,
                d -> d > m.held_date and d <= m.next_follow_up_date + params.follow_up_tolerance_days
            )) > 0,
            false
        ) as is_on_time
    from meetings as m
    cross join params
    inner join kpi_period_days as p on p.day = m.next_follow_up_date
    left join follow_ups as f
        on f.source = m.source and f.sip_id = m.sip_id
    where m.is_held
        and m.next_follow_up_date + params.follow_up_tolerance_days <= params.as_of
        and not coalesce(m.sip_closed_date < m.next_follow_up_date, false)
),

due_agg as materialized (
    select {{ $due.PeriodLabel "u" }},
        count(*) filter (where u.is_valid_held) as due,
        count(*) filter (where u.is_on_time) as on_time,
        count(*) filter (where not u.is_valid_held) as excluded
    from due_units as u
    {{ $due.GroupBy "u" "period" }}
),

initial_units as (
    -- Initial meetings (followup_date_missing_share) and follow_up meetings
    -- (followups_held) held in the period, in one scan of meetings.
    select {{ $initial.PeriodColumns "m" }},
        m.kind = 'initial' as is_initial,
        m.is_valid_held,
        m.next_follow_up_date is null as is_missing
    from meetings as m
    inner join kpi_period_days as p on p.day = m.period_date
    where m.is_held and m.kind in ('initial', 'follow_up')
),

initial_agg as materialized (
    select {{ $initial.PeriodLabel "u" }},
        count(*) filter (where u.is_initial and u.is_valid_held) as initials,
        count(*) filter (where u.is_initial and u.is_valid_held and u.is_missing) as missing,
        count(*) filter (where u.is_initial and not u.is_valid_held) as excluded,
        count(*) filter (where not u.is_initial and u.is_valid_held) as followups_held,
        count(*) filter (where not u.is_initial and not u.is_valid_held) as followups_excluded
    from initial_units as u
    {{ $initial.GroupBy "u" "period" }}
),

last_held as (
    -- The latest validly held meeting of each SIP (by held date, then
    -- meeting_id). A validly held meeting is never after the as-of date A,
    -- so this is the SIP's latest meeting at A. Its follow-up date is taken
    -- inside a struct, since arg_max skips a null argument.
    select
        m.source,
        m.sip_id,
        arg_max(
            {'next_follow_up_date': m.next_follow_up_date},
            {'held_date': m.held_date, 'meeting_id': m.meeting_id}
        ).next_follow_up_date as next_follow_up_date
    from meetings as m
    where m.is_valid_held
    group by m.source, m.sip_id
),

overdue_units as (
    -- SIPs open at A whose latest held meeting's follow-up date (plus the
    -- tolerance) has passed at A.
    select
        {{ $overdue.Columns "s" }},
        s.has_flagged_held as is_excluded
    from last_held as h
    inner join sips as s
        on s.source = h.source and s.sip_id = h.sip_id
    cross join params
    where h.next_follow_up_date + params.follow_up_tolerance_days < params.as_of
        and coalesce(s.closed_date, date '9999-12-31') > params.as_of
),

overdue_at_as_of as materialized (
    -- Aggregated once: the count at A is the same for every period.
    select
        {{ $overdue.Label "u" }},
        count(*) filter (where not u.is_excluded) as overdue,
        count(*) filter (where u.is_excluded) as excluded
    from overdue_units as u
    {{ $overdue.GroupBy "u" }}
    -- The grand total of no units is no row, as for the other families.
    having count(*) > 0
),

overdue_agg as (
    -- A count at A, not a period value: one value, in the latest period of
    -- the grid (the default grid's last quarter contains A).
    select
        p.period,
        o.breakdown,
        o.group_value,
        o.overdue,
        o.excluded
    from (
        select kp.period
        from kpi_periods as kp
        order by kp.period_end desc, kp.period_start desc
        limit 1
    ) as p
    cross join overdue_at_as_of as o
),

final as (
    {{ count "followups_due" "due" "excluded" "due_agg" }}
    union all {{ share "followup_on_time_share" "on_time" "due" "excluded" "due_agg" }}
    union all {{ share "followup_date_missing_share" "missing" "initials" "excluded" "initial_agg" }}
    union all {{ count "followups_held" "followups_held" "followups_excluded" "initial_agg" }}
    union all {{ count "followups_overdue" "overdue" "excluded" "overdue_agg" }}
)

select * from final
