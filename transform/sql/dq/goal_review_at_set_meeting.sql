-- goal_review_at_set_meeting: one row per row of goal_reviews that breaks the
-- rule: a review at the meeting where the goal was set (a goal cannot be
-- assessed when it is set). row_id is goal_id|meeting_id, the review's key (as dq_flags documents).
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: goal_reviews (core)
with final as (
    select
        t.source,
        t.goal_id || '|' || t.meeting_id as row_id,
        t.sip_id
    from goal_reviews as t
    where t.is_at_set_meeting
)

select * from final
