-- staging.stg_goals: one row per loaded row of raw.goals (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.goals
with final as (
    select
    source,
    goal_id,
    sip_id,
    set_at_meeting_id,
    area,
    responsible_org,
    target_date
    from raw.goals
)
select * from final
