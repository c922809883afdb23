-- goal_reviews (a view, not a table): one row per review (source, goal_id,
-- meeting_id) of a goal in scope, with the date of the reviewing meeting
-- (only if validly held); is_at_set_meeting marks a review at the meeting
-- where the goal was set (rule goal_reviews.reviewed_at_set_meeting). The
-- SIP's breakdown facts are not copied: join sips on (source, sip_id). A
-- view because writing it cost more than its two readers (kpi/goals,
-- dq/goal_review_at_set_meeting) spend on the join.
-- inputs: staging.stg_goal_reviews, goals (core), meetings (core)
with final as (
    select
        r.source,
        r.goal_id,
        r.meeting_id,
        r.status,
        g.sip_id,
        case when m.is_valid_held then m.held_date end as review_held_date,
        coalesce(m.has_date_flag, false) as review_meeting_has_date_flag,
        m.period_date as review_period_date,
        r.meeting_id = g.set_at_meeting_id as is_at_set_meeting
    from staging.stg_goal_reviews as r
    inner join goals as g
        on g.source = r.source and g.goal_id = r.goal_id
    left join meetings as m
        on m.source = r.source and m.meeting_id = r.meeting_id
)

select * from final
