-- grain: one row per input row of goals whose set_at_meeting_id is a loaded
-- meeting of another SIP (a goal is set at a meeting of its own SIP).
insert into ingest_problems_goals
with mismatched as (
    select typed.__line, typed.set_at_meeting_id, typed.sip_id, meeting.sip_id as meeting_sip_id
    from {{template "rule_rows" .}}
    join ingest_loaded_meetings as meeting
        on meeting.meeting_id = typed.set_at_meeting_id
    where meeting.sip_id <> typed.sip_id
),
final as (
    select
        mismatched.__line,
        'set_at_meeting_id' as column_name,
        format('meeting "{}" belongs to SIP "{}", not to this goal''s SIP "{}"',
            sip_show(mismatched.set_at_meeting_id), sip_show(mismatched.meeting_sip_id), sip_show(mismatched.sip_id)) as reason
    from mismatched
)
select * from final;
