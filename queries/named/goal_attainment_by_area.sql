-- description: Goal attainment (måluppfyllelse) by goal area (målområde):
--   of the sub-goals (delmål) reviewed at meetings held in each quarter,
--   how many were achieved, partly achieved or not achieved. As in the KPIs
--   goal_achieved_share, goal_partly_share and goal_not_achieved_share: the
--   latest review of a goal in the quarter counts, not_assessed is left
--   out, and reviews at meetings of implausible date or at the meeting
--   where the goal was set (no review) are left out.
-- grain: one row per quarter (of the reviewing meeting's held_date) and goal area
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: achieved_share by n_reviewed; partly_share by n_reviewed; not_achieved_share by n_reviewed
with latest_reviews as (
    select
        l.quarter,
        g.area,
        l.status
    from analysis_window_goal_reviews($quarters) as l
    inner join goals as g
        on g.source = l.source and g.goal_id = l.goal_id
),

aggregated as (
    select
        l.quarter,
        l.area,
        count(*) filter (where l.status <> 'not_assessed') as n_reviewed,
        count(*) filter (where l.status = 'achieved') as n_achieved,
        count(*) filter (where l.status = 'partly_achieved') as n_partly,
        count(*) filter (where l.status = 'not_achieved') as n_not_achieved,
        count(*) filter (where l.status = 'not_assessed') as n_not_assessed
    from latest_reviews as l
    group by l.quarter, l.area
),

final as (
    select
        a.quarter,
        a.area,
        coalesce(c.label, a.area) as area_label,
        a.n_reviewed,
        a.n_achieved,
        a.n_partly,
        a.n_not_achieved,
        a.n_not_assessed,
        case when a.n_reviewed > 0 then a.n_achieved / a.n_reviewed end as achieved_share,
        case when a.n_reviewed > 0 then a.n_partly / a.n_reviewed end as partly_share,
        case when a.n_reviewed > 0 then a.n_not_achieved / a.n_reviewed end as not_achieved_share
    from aggregated as a
    left join ref_codes as c
        on c.code_list = 'area' and c.code = a.area
)

select * from final
order by quarter, area
