-- staging.stg_goal_reviews: one row per loaded row of raw.goal_reviews (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.goal_reviews
with final as (
    select
    source,
    goal_id,
    meeting_id,
    status
    from raw.goal_reviews
)
select * from final
