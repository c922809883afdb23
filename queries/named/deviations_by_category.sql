-- description: Deviation reports (avvikelser) by category and the
--   organisation type they concern: no SIP initiated though needed
--   (no_initiative), absent despite summons, poor treatment, plan not
--   followed. By quarter of the report date; concerns_org 'unknown' when
--   not given. Also per 100 meetings held in the quarter, as the KPI
--   deviations_per_100_meetings (over all categories of the quarter).
-- grain: one row per quarter (of reported_date), category and concerned org type
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- param: municipality (string, default null) a municipality code (kommunkod, e.g. 0180); null = all
-- breakdown: quarter, category
with reports as (
    select
        q.quarter,
        d.category,
        coalesce(d.concerns_org, 'unknown') as concerns_org
    from deviations as d
    inner join analysis_window_quarters($quarters) as q
        on d.reported_date between q.quarter_start and q.quarter_end
    where ($municipality::varchar is null or d.municipality_code = $municipality::varchar)
),

meetings_held as (
    select
        q.quarter,
        count(*) as n_meetings_held
    from meetings as m
    inner join analysis_window_quarters($quarters) as q
        on m.held_date between q.quarter_start and q.quarter_end
    where m.is_valid_held
        and ($municipality::varchar is null or m.municipality_code = $municipality::varchar)
    group by all
),

aggregated as (
    select r.quarter, r.category, r.concerns_org, count(*) as n_deviations
    from reports as r
    group by r.quarter, r.category, r.concerns_org
),

final as (
    select
        a.quarter,
        a.category,
        coalesce(c.label, a.category) as category_label,
        a.concerns_org,
        coalesce(o.label, a.concerns_org) as concerns_org_label,
        a.n_deviations,
        sum(a.n_deviations) over (partition by a.quarter) as n_deviations_quarter,
        coalesce(mh.n_meetings_held, 0) as n_meetings_held,
        100.0 * sum(a.n_deviations) over (partition by a.quarter) / nullif(mh.n_meetings_held, 0) as deviations_per_100_meetings
    from aggregated as a
    left join meetings_held as mh
        on mh.quarter = a.quarter
    left join ref_codes as c
        on c.code_list = 'category' and c.code = a.category
    left join ref_org_types as o
        on o.org_type = a.concerns_org
)

select * from final
order by quarter, category, concerns_org
