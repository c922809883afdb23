-- survey_questions: one row per question (source, survey_id, question_id) of
-- the sources in scope.
-- inputs: staging.stg_survey_questions, kpi_sources
with final as (
    select
        q.source,
        q.survey_id,
        q.question_id,
        q.dimension::{{ code_type "survey_questions" "dimension" }} as dimension,
        q.text_sv,
        q.scale_min,
        q.scale_max
    from staging.stg_survey_questions as q
    where q.source in (select ks.source from kpi_sources as ks)
)

select * from final
