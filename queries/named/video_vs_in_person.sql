-- description: Remote versus in-person SIP meetings (distans eller
--   fysiskt): per meeting form, how many meetings were held, how many of
--   the summoned parties came, whether the individual took part, and
--   whether the plan was established at the meeting. Meetings validly held
--   in the quarter (by held date); attendance as in the KPI
--   attendance_by_mode.
-- grain: one row per quarter (of held_date) and meeting mode (in_person, video, phone, hybrid)
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: summoned_attendance_share by n_summoned; individual_present_share by n_meetings; plan_established_share by n_initial
with held as (
    select
        m.source,
        m.meeting_id,
        q.quarter,
        coalesce(m.mode, 'unknown') as mode,
        m.kind,
        m.individual_participation,
        m.plan_established
    from meetings as m
    inner join analysis_window_quarters($quarters) as q
        on m.held_date between q.quarter_start and q.quarter_end
    where m.is_valid_held
),

meeting_agg as (
    select
        h.quarter,
        h.mode,
        count(*) as n_meetings,
        count(*) filter (where h.individual_participation = 'present') as n_individual_present,
        count(*) filter (where h.kind = 'initial') as n_initial,
        count(*) filter (where h.kind = 'initial' and h.plan_established) as n_plan_established
    from held as h
    group by h.quarter, h.mode
),

participant_agg as (
    select
        h.quarter,
        h.mode,
        count(*) as n_summoned,
        count(*) filter (where pa.attendance in ('attended', 'substitute')) as n_summoned_came
    from participants as pa
    inner join held as h
        on h.source = pa.source and h.meeting_id = pa.meeting_id
    where pa.role = 'summoned' and pa.attendance is not null
    group by h.quarter, h.mode
),

final as (
    select
        m.quarter,
        m.mode,
        m.n_meetings,
        coalesce(p.n_summoned, 0) as n_summoned,
        coalesce(p.n_summoned_came, 0) as n_summoned_came,
        case when p.n_summoned > 0 then p.n_summoned_came / p.n_summoned end as summoned_attendance_share,
        m.n_individual_present,
        m.n_individual_present / m.n_meetings as individual_present_share,
        m.n_initial,
        m.n_plan_established,
        case when m.n_initial > 0 then m.n_plan_established / m.n_initial end as plan_established_share
    from meeting_agg as m
    left join participant_agg as p
        on p.quarter = m.quarter and p.mode = m.mode
)

select * from final
order by quarter, mode
