-- participant_attendance_on_unheld: one row per row of participants that
-- breaks the rule: an attendance recorded for a meeting whose status is not
-- held (planned or cancelled). A meeting held after the as-of date of a
-- Compute is not "unheld": its status is held.
-- Returns (source, row_id, sip_id). The row stays loaded; no KPI counts
-- participants of meetings that were not held, so it only shows here.
-- inputs: participants, meetings (core)
with unheld as (
    -- Meetings not held are few; the participants are filtered first.
    select m.source, m.meeting_id
    from meetings as m
    where m.status <> 'held'
),

final as (
    select
        t.source,
        t.participant_id as row_id,
        t.sip_id
    from participants as t
    inner join unheld as u
        on u.source = t.source and u.meeting_id = t.meeting_id
    where t.attendance is not null
        and not t.is_held
)

select * from final
