-- analysis_window(quarters): the period a named query looks at — the last
-- `quarters` calendar quarters, ending with the quarter of the database's
-- as-of date (the latest extracted_at of load_sources), cut at the as-of date.
-- grain: one row (as_of, from_date: the first day of the first quarter)
-- inputs: load_sources
-- Created as a temp macro on the connection before every query queries runs
-- (named or --sql), so a named query writes
-- `cross join analysis_window($quarters) as p` and says the window once.
create or replace temp macro analysis_window(quarters) as table
with as_of as (
    select max(ls.extracted_at) as as_of
    from load_sources as ls
),

final as (
    select
        a.as_of,
        (date_trunc('quarter', a.as_of)::date - to_months(3 * (quarters::integer - 1)))::date as from_date
    from as_of as a
)

select * from final
;

-- analysis_window_quarters(quarters): the calendar quarters of analysis_window(quarters),
-- each with its label and first and last day (the last quarter cut at the
-- as-of date), so a named query joins its dated rows to their quarter in one
-- place: `inner join analysis_window_quarters($quarters) as q on x.date between
-- q.quarter_start and q.quarter_end`, and selects `q.quarter`.
-- grain: one row per quarter (quarter: 'YYYYQn')
-- inputs: analysis_window
create or replace temp macro analysis_window_quarters(quarters) as table
with starts as (
    select
        unnest(generate_series(w.from_date, w.as_of, interval 3 month))::date as quarter_start,
        w.as_of
    from analysis_window(quarters) as w
),

final as (
    select
        year(s.quarter_start)::varchar || 'Q' || quarter(s.quarter_start)::varchar as quarter,
        s.quarter_start,
        least((s.quarter_start + interval 3 month)::date - 1, s.as_of) as quarter_end
    from starts as s
)

select * from final
;

-- analysis_window_kpi_values(quarters): the rows of kpi_values whose period
-- is a calendar quarter in analysis_window(quarters), for the named queries
-- that read the KPI catalogue's figures instead of computing them again.
-- grain: one row per quarter, KPI, breakdown and group (kpi_values' own)
-- inputs: kpi_values, analysis_window
create or replace temp macro analysis_window_kpi_values(quarters) as table
with final as (
    select v.*
    from kpi_values as v
    cross join analysis_window(quarters) as w
    where v.period similar to '[0-9]{4}Q[1-4]'
        and v.period_start >= w.from_date
        and v.period_start <= w.as_of
)

select * from final
;

-- analysis_window_goal_reviews(quarters): the latest review of each goal
-- within each quarter of analysis_window(quarters), as the KPI
-- goal_achieved_share counts them: at a validly dated meeting, not at the
-- meeting that set the goal; ties by meeting_id.
-- grain: one row per goal and quarter (of review_held_date) with a review
-- inputs: goal_reviews, analysis_window
create or replace temp macro analysis_window_goal_reviews(quarters) as table
with reviews as (
    select
        r.source,
        r.goal_id,
        r.sip_id,
        year(r.review_held_date)::varchar || 'Q' || quarter(r.review_held_date)::varchar as quarter,
        r.status,
        row_number() over (
            partition by r.source, r.goal_id, year(r.review_held_date), quarter(r.review_held_date)
            order by r.review_held_date desc, r.meeting_id desc
        ) as rn
    from goal_reviews as r
    cross join analysis_window(quarters) as p
    where r.review_held_date is not null
        and not r.review_meeting_has_date_flag
        and not coalesce(r.is_at_set_meeting, false)
        and r.review_held_date >= p.from_date
        and r.review_held_date <= p.as_of
),

final as (
    select r.source, r.goal_id, r.sip_id, r.quarter, r.status
    from reviews as r
    where r.rn = 1
)

select * from final
