-- kpi_period_days: one row per period and day in it, so the KPIs place a
-- dated unit in its periods with an equality join instead of a range join
-- (a day belongs to several periods when ranges overlap).
-- inputs: kpi_periods
create or replace temp table kpi_period_days as
with final as (
    select
        p.period,
        p.period_start,
        p.period_end,
        unnest(generate_series(p.period_start, p.period_end, interval 1 day))::date as day
    from kpi_periods as p
)
select * from final
