-- spc_points: one row per KPI × series × month of the trend window with the
-- month's numerator and denominator and whether it is preliminary: the
-- input of kpi_spc.sql (a temp table of the build).
-- KPIs: coverage, within_target_share, summoned_attendance_share,
-- followup_on_time_share. Series: breakdown 'total' (group '') always;
-- breakdown 'region' (group = county code) for each region when the units
-- hold more than one known region.
-- Months: the first of each month from the start of the trend window (the
-- 8 quarters up to the quarter containing the as-of date A, not before the
-- first quarter of the period grid) to the month containing A; a month with
-- no units has numerator and denominator 0.
-- Units: exactly those of the quarterly KPIs (sql/kpi/coverage.sql,
-- lead_times.sql, attendance.sql, follow_up.sql), placed in the month of the
-- same date (need date; the meeting's held date, else planned date;
-- next_follow_up_date), so the three months of a quarter sum to its
-- kpi_values numerator and denominator.
-- Preliminary: month end + the KPI's observation window W > A, W from
-- kpi_catalog.observation_window_days as for kpi_values.preliminary
-- (defaults: coverage and within_target_share 90 days,
-- followup_on_time_share the follow-up tolerance, summoned_attendance_share
-- 0, as kpis.md "Preliminary values").
-- inputs: sips, meetings, participants (core), kpi_catalog, kpi_params,
--         kpi_periods
with params as (
    select * from kpi_params
),

window_bounds as (
    select
        greatest(
            (date_trunc('quarter', params.as_of) - interval 21 month)::date,
            (select min(p.period_start) from kpi_periods as p)
        ) as first_month,
        date_trunc('month', params.as_of)::date as last_month,
        params.as_of
    from params
),

months as (
    select
        m.range::date as month,
        (m.range + interval 1 month - interval 1 day)::date as month_end
    from window_bounds as b
    cross join range(b.first_month, b.last_month + interval 1 day, interval 1 month) as m
),

month_days as (
    select
        m.month,
        unnest(generate_series(m.month, m.month_end, interval 1 day))::date as day
    from months as m
),

coverage_units as (
    -- coverage.sql: SIPs by need date; due = is_due; met = due with an
    -- initial meeting held. within_target_share (lead_times.sql): the SIPs
    -- of R (in_coverage), due and met within target days.
    select
        d.month,
        coalesce(s.region_code, 'unknown') as region_code,
        count(*) filter (where s.is_due) as due,
        count(*) filter (where s.is_due and s.initial_held_date is not null) as due_met,
        count(*) filter (where s.in_coverage and s.is_due) as target_due,
        count(*) filter (where s.in_coverage and s.is_due and s.lead_time_days <= s.target_days) as within_target
    from sips as s
    inner join month_days as d
        on d.day = s.need_detected_date
    group by d.month, coalesce(s.region_code, 'unknown')
),

attendance_units as (
    -- attendance.sql: summoned participants of meetings held in the month
    -- (held date, else planned date), left out when the meeting's date is
    -- flagged or the attendance is missing.
    select
        d.month,
        coalesce(pa.region_code, 'unknown') as region_code,
        count(*) filter (where pa.is_valid_held and pa.attendance is not null) as summoned,
        count(*) filter (
            where pa.is_valid_held and pa.attendance in ('attended', 'substitute')
        ) as summoned_attended
    from participants as pa
    inner join month_days as d
        on d.day = pa.period_date
    where pa.is_held and pa.role = 'summoned'
    group by d.month, coalesce(pa.region_code, 'unknown')
),

follow_ups as (
    -- follow_up.sql: per SIP, the held dates of its validly held follow_up
    -- meetings.
    select m.source, m.sip_id, list(m.held_date) as held_dates
    from meetings as m
    where m.is_valid_held and m.kind = 'follow_up'
    group by m.source, m.sip_id
),

followup_units as (
    -- follow_up.sql: held meetings whose follow-up (next_follow_up_date +
    -- tolerance) is due at A, by next_follow_up_date, excluding SIPs closed
    -- before it; on time = a follow_up meeting held after the meeting and
    -- on or before next_follow_up_date + tolerance.
    select
        d.month,
        coalesce(m.region_code, 'unknown') as region_code,
        count(*) filter (where m.is_valid_held) as due,
        count(*) filter (
            where m.is_valid_held and coalesce(len(list_filter(
                f.held_dates,
                x -> x > m.held_date and x <= m.next_follow_up_date + params.follow_up_tolerance_days
            )) > 0, false)
        ) as on_time
    from meetings as m
    cross join params
    inner join month_days as d
        on d.day = m.next_follow_up_date
    left join follow_ups as f
        on f.source = m.source and f.sip_id = m.sip_id
    where m.is_held
        and m.next_follow_up_date + params.follow_up_tolerance_days <= params.as_of
        and not coalesce(m.sip_closed_date < m.next_follow_up_date, false)
    group by d.month, coalesce(m.region_code, 'unknown')
),

unit_rows as (
    select month, region_code, 'coverage' as kpi_id, due_met as numerator, due as denominator
    from coverage_units
    union all
    select month, region_code, 'within_target_share', within_target, target_due
    from coverage_units
    union all
    select month, region_code, 'summoned_attendance_share', summoned_attended, summoned
    from attendance_units
    union all
    select month, region_code, 'followup_on_time_share', on_time, due
    from followup_units
),

regions as (
    -- Region series only when the units hold more than one known region.
    select distinct u.region_code
    from unit_rows as u
    where u.region_code <> 'unknown'
        and (
            select count(distinct u2.region_code)
            from unit_rows as u2
            where u2.region_code <> 'unknown'
        ) > 1
),

series as (
    select k.kpi_id, 'total' as breakdown, '' as group_value
    from (values ('coverage'), ('within_target_share'), ('summoned_attendance_share'), ('followup_on_time_share')) as k (kpi_id)
    union all
    select k.kpi_id, 'region', r.region_code
    from (values ('coverage'), ('within_target_share'), ('summoned_attendance_share'), ('followup_on_time_share')) as k (kpi_id)
    cross join regions as r
),

sums as (
    select
        u.kpi_id,
        case when grouping(u.region_code) = 0 then 'region' else 'total' end as breakdown,
        coalesce(u.region_code, '') as group_value,
        u.month,
        sum(u.numerator)::bigint as numerator,
        sum(u.denominator)::bigint as denominator
    from unit_rows as u
    group by grouping sets ((u.kpi_id, u.month), (u.kpi_id, u.month, u.region_code))
),

windows as (
    -- The observation window W of each KPI from the catalogue (kpis.md
    -- "Preliminary values", overridable in the settings), as kpi_values
    -- uses it.
    select c.kpi_id, c.observation_window_days as window_days
    from kpi_catalog as c
    where c.kpi_id in (select distinct s.kpi_id from series as s)
),

final as (
    select
        s.kpi_id,
        s.breakdown,
        s.group_value,
        m.month,
        coalesce(x.numerator, 0) as numerator,
        coalesce(x.denominator, 0) as denominator,
        m.month_end + w.window_days > b.as_of as preliminary
    from series as s
    cross join months as m
    cross join window_bounds as b
    inner join windows as w
        on w.kpi_id = s.kpi_id
    left join sums as x
        on x.kpi_id = s.kpi_id
        and x.breakdown = s.breakdown
        and x.group_value = s.group_value
        and x.month = m.month
)

select * from final
