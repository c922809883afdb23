-- goal_review_at_set_meeting: one row per row of goal_reviews that breaks the
-- rule: a review at the meeting where the goal was set (a goal cannot be
-- assessed when it is set). row_id is goal_id|meeting_id, the review's key (as dq_flags documents).
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and docs/figures.md).
-- Reads the reviews joined to goals directly, not the goal_reviews view
-- (the same rows: its join to meetings is a left join on their key), so that
-- the rule does not compute the meeting columns it does not use.
-- inputs: staging.stg_goal_reviews, goals (core)
with final as (
    select
        r.source,
        r.goal_id || '|' || r.meeting_id as row_id,
        g.sip_id
    from staging.stg_goal_reviews as r
    inner join goals as g
        on g.source = r.source and g.goal_id = r.goal_id
    where r.meeting_id = g.set_at_meeting_id
)

select * from final
