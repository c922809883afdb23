-- survey family (user audit): one row per period × KPI × breakdown × group
-- for survey_<question_id> (index 0–100), survey_<question_id>_mean,
-- survey_<question_id>_top_box_share and the same per dimension
-- (survey_dim_<dimension>…).
-- Units: non-null answers of responses dated in the period ("don't know" is
-- null and outside every denominator); each answer counts once for its
-- question and once for its question's dimension.
-- inputs: survey_answers (core), kpi_period_days
-- Breakdowns: those of every user-audit KPI (catalog.toml; see breakdowns.go).
{{ $answer := family_breakdowns "survey" }}
with answers as (
    select
        p.period,
        a.question_id,
        a.dimension,
        {{ $answer.Columns "a" }},
        a.value,
        a.index_value,
        a.is_top_box
    from survey_answers as a
    inner join kpi_period_days as p on p.day = a.response_date
    where a.value is not null
),

keyed as (
    select 'survey_' || a.question_id as key_id, a.* exclude (question_id, dimension)
    from answers as a
    union all
    select 'survey_dim_' || a.dimension as key_id, a.* exclude (question_id, dimension)
    from answers as a
),

agg as materialized (
    select
        u.period,
        u.key_id,
        {{ $answer.Label "u" }},
        count(*) as answers,
        avg(u.value) as mean_value,
        avg(u.index_value) as index_value,
        count(*) filter (where u.is_top_box) as top_box
    from keyed as u
    {{ $answer.GroupBy "u" "period" "key_id" }}
),

final as (
    select period, key_id as kpi_id, breakdown, group_value,
        index_value as value, null::double as numerator, null::double as denominator,
        answers as n, 0::bigint as excluded
    from agg
    union all
    select period, key_id || '_mean', breakdown, group_value,
        mean_value, null, null, answers, 0
    from agg
    union all
    select period, key_id || '_top_box_share', breakdown, group_value,
        top_box / answers, top_box, answers, answers, 0
    from agg
)

select * from final
