-- participant_without_attendance: one row per row of participants that breaks the rule: a participant of a held meeting without attendance.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: participants (core)
with final as (
    select
        t.source,
        t.participant_id as row_id,
        t.sip_id
    from participants as t
    where t.is_missing_attendance
)

select * from final
