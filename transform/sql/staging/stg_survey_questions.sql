-- staging.stg_survey_questions: one row per loaded row of raw.survey_questions (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.survey_questions
with final as (
    select
    source,
    survey_id,
    question_id,
    dimension,
    text_sv,
    scale_min,
    scale_max
    from raw.survey_questions
)
select * from final
