-- staging.stg_survey_responses: one row per loaded row of raw.survey_responses (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.survey_responses
with final as (
    select
    source,
    response_id,
    survey_id,
    response_date,
    respondent,
    region_code,
    municipality_code,
    sip_id
    from raw.survey_responses
)
select * from final
