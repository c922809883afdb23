-- goals family: one row per period × KPI × breakdown × group for goals_set,
-- goal_smart_share, goals_reviewed, goal_achieved_share, goal_partly_share,
-- goal_not_achieved_share.
-- Units: goals by the held date of the meeting where they were set; goals
-- by their latest review at a meeting held in the period. A goal whose
-- target_date lies before its setting meeting (rule goal_target_before_set)
-- is left out of goal_smart_share; a review at the meeting where the goal was
-- set (rule goal_review_at_set_meeting) is no review.
-- inputs: goals, goal_reviews, sips (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $set := breakdowns "goals_set" "goal_smart_share" }}
{{ $review := breakdowns "goals_reviewed" "goal_achieved_share" "goal_partly_share" "goal_not_achieved_share" }}
with set_per_sip as (
    -- The goals set in a period, counted per SIP before the join to sips
    -- (a SIP sets about 2.5 goals per period; the join and the grouping
    -- sets then see one row per SIP and period instead of one per goal).
    select
        p.period,
        g.source,
        g.sip_id,
        count(*) filter (where g.set_held_date is not null) as goals_set,
        count(*) filter (where g.set_held_date is not null and not coalesce(g.target_date < g.set_held_date, false)) as smart_units,
        count(*) filter (
            where g.set_held_date is not null and g.responsible_org is not null and g.target_date is not null
                and not coalesce(g.target_date < g.set_held_date, false)
        ) as smart,
        count(*) filter (where g.set_held_date is null) as excluded,
        count(*) filter (where g.set_held_date is null or coalesce(g.target_date < g.set_held_date, false)) as smart_excluded
    from goals as g
    inner join kpi_period_days as p on p.day = coalesce(g.set_held_date, case when g.set_meeting_has_date_flag then g.set_period_date end)
    group by p.period, g.source, g.sip_id
),

set_units as (
    select g.period, {{ $set.Columns "s" }},
        g.goals_set,
        g.smart_units,
        g.smart,
        g.excluded,
        g.smart_excluded
    from set_per_sip as g
    inner join sips as s
        on s.source = g.source and s.sip_id = g.sip_id
),

set_agg as materialized (
    select {{ $set.PeriodLabel "u" }},
        sum(u.goals_set) as goals_set,
        sum(u.smart_units) as smart_units,
        sum(u.smart) as smart,
        sum(u.excluded) as excluded,
        sum(u.smart_excluded) as smart_excluded
    from set_units as u
    {{ $set.GroupBy "u" "period" }}
),

source_numbers as (
    -- A short integer per source: grouping reviews by (period, source_no,
    -- goal_id) is cheaper than by the long source string.
    select ks.source, row_number() over (order by ks.source) as source_no
    from (select distinct source from kpi_sources) as ks
),

classified_reviews as (
    -- A review at a meeting validly held in the period counts (not one at
    -- the meeting where the goal was set); a review at a meeting with a
    -- flagged date, or at the setting meeting, is placed in the period of
    -- its meeting's date to count the goal as excluded. The two are
    -- disjoint (a validly held meeting has no date flag).
    select
        sn.source_no,
        r.goal_id,
        r.sip_id,
        r.meeting_id,
        r.status,
        r.review_held_date,
        r.review_held_date is not null and not coalesce(r.is_at_set_meeting, false) as is_counted,
        case
            when r.review_held_date is not null and not coalesce(r.is_at_set_meeting, false) then r.review_held_date
            when r.review_meeting_has_date_flag or coalesce(r.is_at_set_meeting, false) then r.review_period_date
        end as day
    from goal_reviews as r
    inner join source_numbers as sn
        on sn.source = r.source
),

goals_in_period as (
    -- One row per goal and period, in one pass: the latest counted review
    -- (by held date, then meeting_id) decides the goal's status; a goal with
    -- only left-out reviews in the period is excluded.
    select
        p.period,
        r.source_no,
        r.goal_id,
        any_value(r.sip_id) as sip_id,
        arg_max(r.status, {'held_date': r.review_held_date, 'meeting_id': r.meeting_id})
            filter (where r.is_counted) as status,
        bool_or(r.is_counted) as is_reviewed
    from classified_reviews as r
    inner join kpi_period_days as p on p.day = r.day
    group by p.period, r.source_no, r.goal_id
),

review_per_sip as (
    -- The goals of each SIP and period, counted before the join to sips,
    -- as set_per_sip.
    select
        v.period,
        v.source_no,
        v.sip_id,
        count(*) filter (where v.is_reviewed) as reviewed,
        count(*) filter (where v.status = 'achieved') as achieved,
        count(*) filter (where v.status = 'partly_achieved') as partly,
        count(*) filter (where v.status = 'not_achieved') as not_achieved,
        count(*) filter (where not v.is_reviewed) as excluded
    from goals_in_period as v
    where not v.is_reviewed or v.status <> 'not_assessed'
    group by v.period, v.source_no, v.sip_id
),

review_units as (
    select
        v.period,
        {{ $review.Columns "s" }},
        v.reviewed,
        v.achieved,
        v.partly,
        v.not_achieved,
        v.excluded
    from review_per_sip as v
    inner join source_numbers as sn
        on sn.source_no = v.source_no
    left join sips as s
        on s.source = sn.source and s.sip_id = v.sip_id
),

review_agg as materialized (
    select {{ $review.PeriodLabel "u" }},
        sum(u.reviewed) as reviewed,
        sum(u.achieved) as achieved,
        sum(u.partly) as partly,
        sum(u.not_achieved) as not_achieved,
        sum(u.excluded) as excluded
    from review_units as u
    {{ $review.GroupBy "u" "period" }}
),

final as (
    {{ count "goals_set" "goals_set" "excluded" "set_agg" }}
    union all {{ share "goal_smart_share" "smart" "smart_units" "smart_excluded" "set_agg" }}
    union all {{ count "goals_reviewed" "reviewed" "excluded" "review_agg" }}
    union all {{ share "goal_achieved_share" "achieved" "reviewed" "excluded" "review_agg" }}
    union all {{ share "goal_partly_share" "partly" "reviewed" "excluded" "review_agg" }}
    union all {{ share "goal_not_achieved_share" "not_achieved" "reviewed" "excluded" "review_agg" }}
)

select * from final
