-- attendance family: one row per period × KPI × breakdown × group for
-- meetings_held, summoned_attendance_share, summoned_absent_share,
-- invited_attendance_share, attendance_gap_by_org.
-- Units: meetings validly held in the period (by held_date); their
-- participants. A meeting with a flagged date counts as excluded in the
-- period of its held_date (else planned_date).
-- inputs: meetings, participants (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $meeting := breakdowns "meetings_held" }}
{{ $participant := breakdowns "summoned_attendance_share" "summoned_absent_share" "invited_attendance_share" "attendance_gap_by_org" }}
with meeting_units as (
    select {{ $meeting.PeriodColumns "m" }},
        m.is_valid_held
    from meetings as m
    inner join kpi_period_days as p on p.day = m.period_date
    where m.is_held
),

meeting_agg as materialized (
    select {{ $meeting.PeriodLabel "u" }},
        count(*) filter (where u.is_valid_held) as held,
        count(*) filter (where not u.is_valid_held) as excluded
    from meeting_units as u
    {{ $meeting.GroupBy "u" "period" }}
),

participant_units as (
    select {{ $participant.PeriodColumns "pa" }},
        pa.role,
        pa.attendance,
        not pa.is_valid_held or pa.attendance is null as is_excluded
    from participants as pa
    inner join kpi_period_days as p on p.day = pa.period_date
    where pa.is_held
),

participant_agg as materialized (
    select {{ $participant.PeriodLabel "u" }},
        count(*) filter (where u.role = 'summoned' and not u.is_excluded) as summoned,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance in ('attended', 'substitute')) as summoned_attended,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'absent') as summoned_absent,
        count(*) filter (where u.role = 'summoned' and u.is_excluded) as summoned_excluded,
        count(*) filter (where u.role = 'invited' and not u.is_excluded) as invited,
        count(*) filter (where u.role = 'invited' and not u.is_excluded and u.attendance in ('attended', 'substitute')) as invited_attended,
        count(*) filter (where u.role = 'invited' and u.is_excluded) as invited_excluded
    from participant_units as u
    {{ $participant.GroupBy "u" "period" }}
),

final as (
    {{ count "meetings_held" "held" "excluded" "meeting_agg" }}
    union all {{ share "summoned_attendance_share" "summoned_attended" "summoned" "summoned_excluded" "participant_agg" }}
    union all {{ share "summoned_absent_share" "summoned_absent" "summoned" "summoned_excluded" "participant_agg" }}
    union all {{ share "invited_attendance_share" "invited_attended" "invited" "invited_excluded" "participant_agg" }}
    union all {{ share "attendance_gap_by_org" "summoned - summoned_attended" "summoned" "summoned_excluded" "participant_agg" }}
)

select * from final
