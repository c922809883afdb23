-- ways_of_working family: one row per period × KPI × breakdown × group for
-- video_share, attendance_by_mode, initiated_by_school_share,
-- initiated_by_individual_share, shared_it_service_share.
-- Units: meetings held in the period; summoned participants of meetings held
-- in the period; SIPs by need date.
-- inputs: meetings, participants, sips (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $meeting := breakdowns "video_share" }}
{{ $mode := breakdowns "attendance_by_mode" }}
{{ $sip := breakdowns "initiated_by_school_share" "initiated_by_individual_share" "shared_it_service_share" }}
with meeting_units as (
    select {{ $meeting.PeriodColumns "m" }},
        m.is_valid_held and m.mode is not null as is_unit,
        m.mode in ('video', 'hybrid') as is_remote
    from meetings as m
    inner join kpi_period_days as p on p.day = m.period_date
    where m.is_held
),

meeting_agg as materialized (
    select {{ $meeting.PeriodLabel "u" }},
        count(*) filter (where u.is_unit) as meetings,
        count(*) filter (where u.is_unit and u.is_remote) as remote,
        count(*) filter (where not u.is_unit) as excluded
    from meeting_units as u
    {{ $meeting.GroupBy "u" "period" }}
),

participant_units as (
    select
        p.period,
        pa.mode,
        pa.is_valid_held and pa.mode is not null and pa.attendance is not null as is_unit,
        pa.attendance in ('attended', 'substitute') as is_attending
    from participants as pa
    inner join kpi_period_days as p on p.day = pa.period_date
    where pa.is_held and pa.role = 'summoned'
),

participant_agg as materialized (
    select {{ $mode.PeriodLabel "u" }},
        count(*) filter (where u.is_unit) as summoned,
        count(*) filter (where u.is_unit and u.is_attending) as attending,
        count(*) filter (where not u.is_unit) as excluded
    from participant_units as u
    {{ $mode.GroupBy "u" "period" }}
    -- Participants of meetings without a mode are excluded, so the mode
    -- groups partition the total without a group for a missing mode.
    having grouping(u.mode) = 1 or u.mode is not null
),

sip_units as (
    select {{ $sip.PeriodColumns "s" }},
        s.initiated_by,
        s.record_system
    from sips as s
    inner join kpi_period_days as p on p.day = s.need_detected_date
),

sip_agg as materialized (
    select {{ $sip.PeriodLabel "u" }},
        count(*) as needs,
        count(*) filter (where u.initiated_by = 'school') as by_school,
        count(*) filter (where u.initiated_by in ('individual', 'relative')) as by_individual,
        count(u.record_system) as with_record_system,
        count(*) filter (where u.record_system = 'shared_it_service') as shared_it
    from sip_units as u
    {{ $sip.GroupBy "u" "period" }}
),

final as (
    {{ share "video_share" "remote" "meetings" "excluded" "meeting_agg" }}
    union all {{ share "attendance_by_mode" "attending" "summoned" "excluded" "participant_agg" }}
    union all {{ share "initiated_by_school_share" "by_school" "needs" "0" "sip_agg" }}
    union all {{ share "initiated_by_individual_share" "by_individual" "needs" "0" "sip_agg" }}
    union all {{ share "shared_it_service_share" "shared_it" "with_record_system" "0" "sip_agg" }}
)

select * from final
