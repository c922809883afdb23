-- grain: one row per input row of goal_reviews whose meeting is a loaded
-- meeting of another SIP than the goal's (a goal is reviewed in its own SIP).
insert into ingest_problems_goal_reviews
with mismatched as (
    select chk.__line, chk.meeting_id, goal.sip_id as goal_sip_id, meeting.sip_id as meeting_sip_id
    from ingest_chk_goal_reviews as chk
    join raw.goals as goal
        on goal.source = $source
        and goal.goal_id = chk.goal_id
    join raw.meetings as meeting
        on meeting.source = $source
        and meeting.meeting_id = chk.meeting_id
    where len(chk.problems) = 0
        and meeting.sip_id <> goal.sip_id
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
