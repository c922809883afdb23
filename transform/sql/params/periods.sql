-- kpi_periods (default grid): one row per calendar quarter from the first
-- quarter with a dated event in the sources in scope to the quarter that
-- contains the as-of date. Every KPI is computed for all of them at once.
-- inputs: staging.stg_sips, staging.stg_discharges, staging.stg_deviations,
--         staging.stg_survey_responses, kpi_params, kpi_sources
with params as (
    select * from kpi_params
),

dated as (
    -- The dates that place a unit in a quarter, of every source.
    select s.source, s.need_detected_date as day from staging.stg_sips as s
    union all
    select d.source, d.discharge_date from staging.stg_discharges as d
    union all
    select v.source, v.reported_date from staging.stg_deviations as v
    union all
    select r.source, r.response_date from staging.stg_survey_responses as r
),

first_dates as (
    select min(dt.day) as first_date
    from dated as dt
    where dt.source in (select ks.source from kpi_sources as ks)
),

bounds as (
    select
        date_trunc('quarter', least(coalesce(min(fd.first_date), params.as_of), params.as_of))::date as first_start,
        date_trunc('quarter', params.as_of)::date as last_start
    from first_dates as fd
    cross join params
    group by params.as_of
),

quarters as (
    select q.range::date as period_start
    from bounds as b
    cross join range(b.first_start, b.last_start + interval 1 day, interval 3 month) as q
),

final as (
    select
        year(q.period_start)::varchar || 'Q' || quarter(q.period_start)::varchar as period,
        q.period_start,
        (q.period_start + interval 3 month - interval 1 day)::date as period_end
    from quarters as q
)

select * from final
