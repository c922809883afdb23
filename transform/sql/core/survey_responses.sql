-- survey_responses: one row per response (source, response_id) of the
-- sources in scope, answered on or before the as-of date.
-- inputs: staging.stg_survey_responses, kpi_params, kpi_sources
with params as (
    select * from kpi_params
),

final as (
    select
        r.source,
        r.response_id,
        r.survey_id,
        r.response_date,
        r.respondent::{{ code_type "survey_responses" "respondent" }} as respondent,
        r.region_code,
        r.municipality_code,
        r.sip_id
    from staging.stg_survey_responses as r
    cross join params
    where r.source in (select ks.source from kpi_sources as ks)
        and r.response_date <= params.as_of
        and (params.municipality_code is null or r.municipality_code = params.municipality_code)
)

select * from final
