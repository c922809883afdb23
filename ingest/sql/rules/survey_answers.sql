-- grain: one row per input row of survey_answers whose question is not in
-- the response's survey, or whose value is outside the question's scale.
insert into ingest_problems_survey_answers
with answers as (
    select
        typed.__line, typed.question_id, typed.value, response.survey_id,
        question.question_id as found_question_id, question.scale_min, question.scale_max
    from {{template "rule_rows" .}}
    join ingest_loaded_survey_responses as response
        on response.response_id = typed.response_id
    left join ingest_loaded_survey_questions as question
        on question.survey_id = response.survey_id
        and question.question_id = typed.question_id
),
final as (
    select
        answers.__line,
        'question_id' as column_name,
        format('question "{}" is not in survey "{}"', sip_show(answers.question_id), sip_show(answers.survey_id)) as reason
    from answers
    where answers.found_question_id is null
    union all
    select
        answers.__line,
        'value' as column_name,
        format('{} is outside the question''s scale {}…{}', answers.value, answers.scale_min, answers.scale_max) as reason
    from answers
    where answers.found_question_id is not null
        and answers.value is not null
        and (answers.value < answers.scale_min or answers.value > answers.scale_max)
)
select * from final;
