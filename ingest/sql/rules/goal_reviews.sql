-- grain: one row per input row of goal_reviews whose meeting is a loaded
-- meeting of another SIP than the goal's (a goal is reviewed in its own SIP).
-- Each lookup is materialized on its own: in one three-way join the planner
-- derives goal.source = meeting.source from the two source filters and joins
-- goals to meetings on it (every goal with every meeting of the source).
insert into ingest_problems_goal_reviews
with reviewed_goals as materialized (
    select chk.__line, chk.meeting_id, goal.sip_id as goal_sip_id
    from ingest_chk_goal_reviews as chk
    join raw.goals as goal
        on goal.source = $source
        and goal.goal_id = chk.goal_id
    where chk.problems is null
),
reviews as materialized (
    select reviewed_goals.*, meeting.sip_id as meeting_sip_id
    from reviewed_goals
    join raw.meetings as meeting
        on meeting.source = $source
        and meeting.meeting_id = reviewed_goals.meeting_id
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
