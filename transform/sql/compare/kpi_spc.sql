-- kpi_spc: one row per KPI × series × month of the trend window: the p-chart
-- with Anhøj's run rules of kpis.md "Comparisons" for coverage,
-- within_target_share, summoned_attendance_share and followup_on_time_share.
-- Series: breakdown 'total' (group '') always; breakdown 'region' (group =
-- county code) for each region when the units hold more than one region.
-- Months: the first of each month from the start of the trend window (the
-- 8 quarters up to the quarter containing the as-of date A, not before the
-- first quarter of the period grid) to the month containing A; a month with
-- no units has a row with no value.
-- Units: exactly those of the quarterly KPIs (sql/kpi/coverage.sql,
-- lead_times.sql, attendance.sql, follow_up.sql), placed in the month of the
-- same date (need date; meeting's held date; next_follow_up_date), so the
-- three months of a quarter sum to its kpi_values numerator and denominator.
-- Preliminary: month end + the KPI's observation window > A (coverage and
-- within_target_share 90 days, followup_on_time_share the follow-up
-- tolerance, summoned_attendance_share 0, as kpis.md "Preliminary values").
-- Centre p = Σ numerators / Σ denominators over the final (not preliminary)
-- months of the series; limits p ± 3·sqrt(p(1 − p)/nᵢ) clipped to 0…1.
-- Anhøj's rules over the final months with a value, points on the centre line
-- skipped: a run signal when the longest run on one side of the centre is
-- longer than round(log2(n)) + 3, or the number of crossings is below the 5th
-- percentile of binomial(n − 1, 0.5) (the smallest k with P(X ≤ k) ≥ 0.05,
-- R's qbinom; Anhøj & Olesen 2014, Anhøj 2015; qicharts2), n = the useful
-- points. Preliminary months are drawn with their limits but never signal.
-- inputs: sips, meetings, participants (core), kpi_params, kpi_periods
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
    -- The observation window of each KPI (kpis.md "Preliminary values").
    select
        k.kpi_id,
        case k.kpi_id
            when 'followup_on_time_share' then params.follow_up_tolerance_days
            when 'summoned_attendance_share' then 0
            else 90
        end as window_days
    from (select distinct kpi_id from series) as k
    cross join params
),

points as (
    select
        s.kpi_id,
        s.breakdown,
        s.group_value,
        m.month,
        coalesce(x.numerator, 0) as numerator,
        coalesce(x.denominator, 0) as denominator,
        case when x.denominator > 0 then x.numerator / x.denominator end as value,
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
),

centres as (
    select
        p.kpi_id,
        p.breakdown,
        p.group_value,
        sum(p.numerator) filter (where not p.preliminary) as centre_numerator,
        sum(p.denominator) filter (where not p.preliminary) as centre_denominator
    from points as p
    group by p.kpi_id, p.breakdown, p.group_value
),

charted as (
    select
        p.*,
        case when c.centre_denominator > 0 then c.centre_numerator / c.centre_denominator end as centre,
        -- The side of the centre, exactly: sign(num/den − Σnum/Σden) by
        -- cross-multiplication; 0 on the centre line; null when not judged.
        case
            when not p.preliminary and p.denominator > 0 and c.centre_denominator > 0
                then sign(p.numerator::hugeint * c.centre_denominator - c.centre_numerator::hugeint * p.denominator)
        end as side
    from points as p
    inner join centres as c
        on c.kpi_id = p.kpi_id and c.breakdown = p.breakdown and c.group_value = p.group_value
),

limited as (
    -- greatest/least skip nulls, so the limits are null explicitly where
    -- there is no spread (no units in the month, or no centre).
    select
        ch.*,
        case when ch.denominator > 0 and ch.centre is not null
            then greatest(ch.centre - 3 * sqrt(ch.centre * (1 - ch.centre) / ch.denominator), 0.0) end as lcl,
        case when ch.denominator > 0 and ch.centre is not null
            then least(ch.centre + 3 * sqrt(ch.centre * (1 - ch.centre) / ch.denominator), 1.0) end as ucl
    from charted as ch
),

useful as (
    -- The points Anhøj's rules read: final, with a value, off the centre
    -- line; a new run starts wherever the side changes.
    select
        l.kpi_id,
        l.breakdown,
        l.group_value,
        l.month,
        l.side,
        case
            when l.side = lag(l.side) over (partition by l.kpi_id, l.breakdown, l.group_value order by l.month) then 0
            else 1
        end as is_run_start
    from limited as l
    where l.side is not null and l.side <> 0
),

run_ids as (
    select
        u.*,
        sum(u.is_run_start) over (
            partition by u.kpi_id, u.breakdown, u.group_value order by u.month
            rows between unbounded preceding and current row
        ) as run_id
    from useful as u
),

runs as (
    select
        r.kpi_id,
        r.breakdown,
        r.group_value,
        r.run_id,
        count(*) as run_length
    from run_ids as r
    group by r.kpi_id, r.breakdown, r.group_value, r.run_id
),

run_stats as (
    select
        r.kpi_id,
        r.breakdown,
        r.group_value,
        sum(r.run_length)::integer as n_useful,
        max(r.run_length)::integer as longest_run,
        (count(*) - 1)::integer as crossings
    from runs as r
    group by r.kpi_id, r.breakdown, r.group_value
),

binomial_terms as (
    -- k = 0 … n − 1 for each number of useful points n that occurs.
    select t.n_useful, unnest(range(0, t.n_useful)) as k
    from (select distinct rs.n_useful from run_stats as rs) as t
),

binomial as (
    -- P(X ≤ k) for X ~ binomial(n − 1, 0.5).
    select
        bt.n_useful,
        bt.k,
        sum(exp(
            lgamma(bt.n_useful) - lgamma(bt.k + 1) - lgamma(bt.n_useful - bt.k) - (bt.n_useful - 1) * ln(2)
        )) over (partition by bt.n_useful order by bt.k) as cdf
    from binomial_terms as bt
),

thresholds as (
    select
        b.n_useful,
        (round(log2(b.n_useful)) + 3)::integer as longest_run_max,
        min(b.k) filter (where b.cdf >= 0.05)::integer as crossings_min
    from binomial as b
    group by b.n_useful
),

series_signals as (
    select
        rs.*,
        t.longest_run_max,
        t.crossings_min,
        rs.longest_run > t.longest_run_max or rs.crossings < t.crossings_min as run_signal
    from run_stats as rs
    inner join thresholds as t
        on t.n_useful = rs.n_useful
),

long_runs as (
    -- The points of a run longer than the limit (drawn highlighted).
    select ri.kpi_id, ri.breakdown, ri.group_value, ri.month
    from run_ids as ri
    inner join runs as r
        on r.kpi_id = ri.kpi_id and r.breakdown = ri.breakdown and r.group_value = ri.group_value
        and r.run_id = ri.run_id
    inner join series_signals as ss
        on ss.kpi_id = ri.kpi_id and ss.breakdown = ri.breakdown and ss.group_value = ri.group_value
    where r.run_length > ss.longest_run_max
),

final as (
    select
        l.kpi_id,
        l.breakdown,
        l.group_value,
        l.month,
        year(l.month)::varchar || 'Q' || quarter(l.month)::varchar as quarter,
        l.value,
        l.numerator::double as numerator,
        l.denominator::double as denominator,
        l.centre,
        l.lcl,
        l.ucl,
        l.preliminary,
        coalesce(not l.preliminary and (l.value < l.lcl or l.value > l.ucl), false) as outside_limits,
        coalesce(ss.run_signal, false) as run_signal,
        lr.month is not null as in_long_run,
        coalesce(ss.n_useful, 0) as n_useful,
        ss.longest_run,
        ss.longest_run_max,
        ss.crossings,
        ss.crossings_min
    from limited as l
    left join series_signals as ss
        on ss.kpi_id = l.kpi_id and ss.breakdown = l.breakdown and ss.group_value = l.group_value
    left join long_runs as lr
        on lr.kpi_id = l.kpi_id and lr.breakdown = l.breakdown and lr.group_value = l.group_value
        and lr.month = l.month
)

select * from final
