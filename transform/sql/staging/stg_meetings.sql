-- staging.stg_meetings: one row per loaded row of raw.meetings (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.meetings
with final as (
    select
    source,
    meeting_id,
    sip_id,
    kind,
    planned_date,
    status,
    held_date,
    mode,
    individual_participation,
    child_participation,
    plan_established,
    next_follow_up_date
    from raw.meetings
)
select * from final
