-- scope_stg_survey_responses: the rows of staging.stg_survey_responses of the scope's municipality
-- (kpi_params.municipality_code), as a temp table of a municipality scope;
-- the core models and data-quality rules read it in place of
-- staging.stg_survey_responses (transform/scope.go).
-- grain: one row per row of staging.stg_survey_responses kept
-- inputs: staging.stg_survey_responses, kpi_params
with params as (
    select * from kpi_params
),

final as (
    select t.*
    from staging.stg_survey_responses as t
    cross join params
    where t.municipality_code = params.municipality_code
)

select * from final
