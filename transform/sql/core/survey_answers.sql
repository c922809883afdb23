-- survey_answers: one row per answer (source, response_id, question_id) of a
-- response in scope, with the question's dimension and scale, the response's
-- date and groups, and the answer rescaled to 0–100 (index_value) and whether
-- it is one of the two best steps (is_top_box). A null value ("don't know")
-- stays null in every derived column.
-- inputs: staging.stg_survey_answers, survey_responses (core),
--         survey_questions (core)
with final as (
    select
        a.source,
        a.response_id,
        a.question_id,
        a.value,
        r.survey_id,
        r.response_date,
        r.respondent,
        r.region_code,
        r.municipality_code,
        q.dimension,
        q.scale_min,
        q.scale_max,
        case
            when a.value is not null and q.scale_max > q.scale_min
                then (a.value - q.scale_min) * 100.0 / (q.scale_max - q.scale_min)
        end as index_value,
        case when a.value is not null then a.value >= q.scale_max - 1 end as is_top_box
    from staging.stg_survey_answers as a
    inner join survey_responses as r
        on r.source = a.source and r.response_id = a.response_id
    inner join survey_questions as q
        on q.source = a.source and q.survey_id = r.survey_id and q.question_id = a.question_id
)

select * from final
