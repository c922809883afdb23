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
