-- staging.stg_participants: one row per loaded row of raw.participants (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.participants
with final as (
    select
    source,
    participant_id,
    meeting_id,
    org_type,
    role,
    attendance
    from raw.participants
)
select * from final
