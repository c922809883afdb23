-- participants (a view, not a table): one row per participant (source,
-- participant_id) of a meeting in scope, with the meeting's held facts and
-- breakdown facts. is_missing_attendance: the meeting was held but the
-- attendance is blank. A view because writing 1.4 M rows × 20 cells (200 000
-- SIPs) was the largest single cost of Build, while the join to meetings
-- costs a fraction of that wherever it is read; the columns not read are
-- never computed.
-- inputs: staging.stg_participants, meetings (core)
with final as (
    select
        p.source,
        p.participant_id,
        p.meeting_id,
        p.org_type,
        p.role,
        p.attendance,
        m.sip_id,
        m.held_date,
        m.period_date,
        m.is_held,
        m.is_valid_held,
        m.has_date_flag,
        m.mode,
        m.region_code,
        m.municipality_code,
        m.context,
        m.target_group,
        m.age_band,
        m.sex,
        m.is_held and p.attendance is null as is_missing_attendance
    from staging.stg_participants as p
    inner join meetings as m
        on m.source = p.source and m.meeting_id = p.meeting_id
)

select * from final
