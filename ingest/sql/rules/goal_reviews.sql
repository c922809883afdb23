-- grain: one row per input row of goal_reviews whose meeting is a loaded
-- meeting of another SIP than the goal's (a goal is reviewed in its own SIP).
-- Each lookup is materialized on its own, so the planner joins each review
-- to its goal and its meeting by key (never goals to meetings directly).
insert into ingest_problems_goal_reviews
with reviewed_goals as materialized (
    select typed.__line, typed.meeting_id, goal.sip_id as goal_sip_id
    from {{template "rule_rows" .}}
    join ingest_loaded_goals as goal
        on goal.goal_id = typed.goal_id
),
reviews as materialized (
    select reviewed_goals.*, meeting.sip_id as meeting_sip_id
    from reviewed_goals
    join ingest_loaded_meetings as meeting
        on meeting.meeting_id = reviewed_goals.meeting_id
),
mismatched as (
    select reviews.*
    from reviews
    where reviews.meeting_sip_id <> reviews.goal_sip_id
),
final as (
    select
        mismatched.__line,
        'meeting_id' as column_name,
        format('meeting "{}" belongs to SIP "{}", not to the goal''s SIP "{}"',
            sip_show(mismatched.meeting_id), sip_show(mismatched.meeting_sip_id), sip_show(mismatched.goal_sip_id)) as reason
    from mismatched
)
select * from final;
