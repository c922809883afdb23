-- deviations: one row per deviation report (source, deviation_id) of the
-- sources in scope, reported on or before the as-of date.
-- inputs: staging.stg_deviations, kpi_params, kpi_sources
with params as (
    select * from kpi_params
),

final as (
    select
        d.source,
        d.deviation_id,
        d.reported_date,
        d.region_code,
        d.municipality_code,
        d.sip_id,
        d.category::{{ code_type "deviations" "category" }} as category,
        d.reported_by_org::{{ code_type "deviations" "reported_by_org" }} as reported_by_org,
        d.concerns_org::{{ code_type "deviations" "concerns_org" }} as concerns_org
    from staging.stg_deviations as d
    cross join params
    where d.source in (select ks.source from kpi_sources as ks)
        and d.reported_date <= params.as_of
        and (params.municipality_code is null or d.municipality_code = params.municipality_code)
)

select * from final
