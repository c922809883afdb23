-- grain: one row per input row of survey_responses whose survey_id has no
-- loaded question (survey_id is a foreign key to survey_questions).
insert into ingest_problems_survey_responses
with orphans as (
    select typed.__line, typed.survey_id
    from {{template "rule_rows" .}}
    anti join ingest_loaded_survey_questions as question
        on question.survey_id = typed.survey_id
    where typed.survey_id is not null
),
final as (
    select
        orphans.__line,
        'survey_id' as column_name,
        format('survey "{}" has no questions in survey_questions', sip_show(orphans.survey_id)) as reason
    from orphans
)
select * from final;
