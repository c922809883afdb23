-- grain: one row per input row of survey_responses whose survey_id has no
-- loaded question (survey_id is a foreign key to survey_questions).
insert into ingest_problems_survey_responses
with orphans as (
    select chk.__line, chk.survey_id
    from ingest_chk_survey_responses as chk
    where chk.problems is null
        and not exists (
            select 1
            from raw.survey_questions as question
            where question.source = $source
                and question.survey_id = chk.survey_id
        )
),
final as (
    select
        orphans.__line,
        'survey_id' as column_name,
        format('survey "{}" has no questions in survey_questions', sip_show(orphans.survey_id)) as reason
    from orphans
)
select * from final;
