-- staging.stg_survey_answers: one row per loaded row of raw.survey_answers (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.survey_answers
with final as (
    select
    source,
    response_id,
    question_id,
    value
    from raw.survey_answers
)
select * from final
