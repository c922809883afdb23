-- description: School-initiated SIPs side by side with all others (the
--   mapping assignment's question whether the school should be able to
--   summon): needs detected, coverage (genomförandegrad), lead time to the
--   initial meeting, and goal attainment of goals reviewed in the quarter.
--   Coverage and lead time follow the KPIs coverage and
--   lead_time_median_days (by quarter of the need); goal attainment follows
--   goal_achieved_share (by quarter of the reviewing meeting, latest review
--   per goal, not_assessed and reviews at the setting meeting left out).
-- grain: one row per quarter and initiator (school, other)
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: coverage_share by n_due; median_lead_days by n_met; goal_achieved_share by n_goals_reviewed
with needs as (
    select
        q.quarter,
        case when s.initiated_by = 'school' then 'school' else 'other' end as initiator,
        s.in_coverage,
        s.is_due,
        s.is_due and s.initial_held_date is not null as is_met_due,
        case when s.in_coverage and not s.has_flagged_initial then s.lead_time_days end as lead_time_days
    from sips as s
    inner join analysis_window_quarters($quarters) as q
        on s.need_detected_date between q.quarter_start and q.quarter_end
),

need_agg as (
    select
        n.quarter,
        n.initiator,
        count(*) as n_needs,
        count(*) filter (where n.is_due) as n_due,
        count(*) filter (where n.is_met_due) as n_met_due,
        count(n.lead_time_days) as n_met,
        quantile_cont(n.lead_time_days, 0.5) as median_lead_days
    from needs as n
    group by n.quarter, n.initiator
),

reviews as (
    select
        l.quarter,
        case when s.initiated_by = 'school' then 'school' else 'other' end as initiator,
        l.status
    from analysis_window_goal_reviews($quarters) as l
    inner join sips as s
        on s.source = l.source and s.sip_id = l.sip_id
),

review_agg as (
    select
        r.quarter,
        r.initiator,
        count(*) filter (where r.status <> 'not_assessed') as n_goals_reviewed,
        count(*) filter (where r.status = 'achieved') as n_goals_achieved
    from reviews as r
    group by r.quarter, r.initiator
),

final as (
    select
        n.quarter,
        n.initiator,
        n.n_needs,
        n.n_due,
        n.n_met_due,
        case when n.n_due > 0 then n.n_met_due / n.n_due end as coverage_share,
        n.n_met,
        n.median_lead_days,
        coalesce(r.n_goals_reviewed, 0) as n_goals_reviewed,
        coalesce(r.n_goals_achieved, 0) as n_goals_achieved,
        case when r.n_goals_reviewed > 0 then r.n_goals_achieved / r.n_goals_reviewed end as goal_achieved_share
    from need_agg as n
    left join review_agg as r
        on r.quarter = n.quarter and r.initiator = n.initiator
)

select * from final
order by quarter, initiator desc
