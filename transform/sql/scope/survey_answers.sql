-- scope_stg_survey_answers: the rows of staging.stg_survey_answers of the scope's survey responses, as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_survey_answers (transform/scope.go).
-- grain: one row per row of staging.stg_survey_answers kept
-- inputs: staging.stg_survey_answers, scope_stg_survey_responses
with final as (
    select t.*
    from staging.stg_survey_answers as t
    semi join scope_stg_survey_responses as p
        on p.source = t.source and p.response_id = t.response_id
)

select * from final
