-- kpi_catalog rows of the user audit's questions: three KPIs per question id
-- delivered (index, mean, top-box share), after the static catalogue. The
-- texts follow surveyEntries in catalog.go. A question id used by several
-- surveys is one KPI over all of them (the first survey's text names it).
-- parameters: 1 = the first sort_order to use
-- inputs: survey_questions (core), kpi_labels
with questions as (
    select
        q.question_id,
        arg_min(q.text_sv, q.survey_id) as text_sv,
        arg_min(q.dimension, q.survey_id) as dimension
    from survey_questions as q
    group by q.question_id
),

numbered as (
    select
        q.*,
        row_number() over (order by q.question_id) as rn
    from questions as q
),

kinds as (
    select *
    from (
        values
            (0, '', 'index', 'higher', ' (index 0–100)', ' (index 0–100)',
             'Medelvärdet av svaren under perioden på frågan, där varje svar räknats om linjärt så att skalans lägsta värde blir 0 och högsta 100 (SKR:s konvention). Svaren vet ej och inget svar räknas inte.',
             'Mean of the answers in the period to the question, each rescaled linearly so that the scale''s lowest value is 0 and its highest 100 (SKR''s convention). Don''t know and no answer are left out.'),
            (1, '_mean', 'mean', 'higher', ' (medelvärde)', ' (mean)',
             'Medelvärdet av svaren under perioden på frågan, på frågans egen skala. Svaren vet ej och inget svar räknas inte.',
             'Mean of the answers in the period to the question, on the question''s own scale. Don''t know and no answer are left out.'),
            (2, '_top_box_share', 'share', 'higher', ' (andel de två bästa stegen)', ' (top-box share)',
             'Andelen svar under perioden på frågan som ligger på skalans två bästa steg (högsta värdet eller det näst högsta). Svaren vet ej och inget svar räknas inte.',
             'Share of the answers in the period to the question on the scale''s two best steps (the highest value or the one below it). Don''t know and no answer are left out.')
    ) as t (k, suffix, unit, direction, name_sv_suffix, name_en_suffix, definition_sv, definition_en)
),

final as (
    select
        'survey_' || n.question_id || k.suffix as kpi_id,
        'survey' as family,
        n.text_sv || k.name_sv_suffix as name_sv,
        'User audit question ' || n.question_id || ' (' || n.dimension || ')' || k.name_en_suffix as name_en,
        k.unit,
        k.direction,
        null::double as target,
        null::varchar as target_source,
        k.definition_sv,
        k.definition_en,
        -- Bound: the breakdowns and required tables of every user-audit KPI
        -- (catalog.go surveyBreakdowns, surveyTables), comma-separated.
        string_split(?, ',') as breakdowns,
        string_split(?, ',') as requires,
        (? + (n.rn - 1) * 3 + k.k)::integer as sort_order,
        null::varchar as target_op,
        null::double as reference_line,
        0 as observation_window_days,
        false as headline,
        false as is_point_in_time,
        k.k > 0 as is_detail,
        fam.label_sv as family_sv,
        fam.label_en as family_en,
        un.label_sv as unit_sv,
        un.label_en as unit_en
    from numbered as n
    cross join kinds as k
    inner join kpi_labels as fam
        on fam.kind = 'family' and fam.code = 'survey'
    inner join kpi_labels as un
        on un.kind = 'unit' and un.code = k.unit
)

insert into kpi_catalog select * from final
