-- description: SIPs overdue for follow-up (försenad uppföljning) at the as-of
--   date: open SIPs whose latest held meeting booked a follow-up date that
--   has passed by more than the tolerance, with no meeting held since. The
--   working list behind the KPI followups_overdue. SIPs with a meeting of
--   implausible date are left out unless include_flagged is true (the KPI
--   leaves them out).
-- grain: one row per overdue SIP
-- param: as_of (date, default null) the day to judge on, at most the database's as-of date (meetings after it are not in the model); null = that as-of date
-- param: tolerance_days (int, default 14) days after next_follow_up_date a follow-up still counts as on time
-- param: include_flagged (bool, default false) also list SIPs with a held meeting of implausible date
with params as (
    select coalesce($as_of::date, (select max(ls.extracted_at) from load_sources as ls)) as as_of
),

held_sequence as (
    -- Each validly held meeting on or before the as-of date, with the date of
    -- the SIP's next one: the latest is the one with no next.
    select
        m.source,
        m.sip_id,
        m.meeting_id,
        m.kind,
        m.held_date,
        m.next_follow_up_date,
        lead(m.held_date) over (
            partition by m.source, m.sip_id
            order by m.held_date, m.meeting_id
        ) as next_held_date
    from meetings as m
    cross join params as p
    where m.is_valid_held and m.held_date <= p.as_of
),

overdue as (
    select
        s.source,
        s.sip_id,
        s.municipality_code,
        s.context,
        s.target_group,
        s.lead_org,
        s.is_child,
        h.meeting_id as last_meeting_id,
        h.kind as last_meeting_kind,
        h.held_date as last_held_date,
        h.next_follow_up_date,
        p.as_of - h.next_follow_up_date as days_overdue,
        s.has_flagged_held
    from held_sequence as h
    cross join params as p
    inner join sips as s
        on s.source = h.source and s.sip_id = h.sip_id
    where h.next_held_date is null
        and h.next_follow_up_date + $tolerance_days::integer < p.as_of
        and coalesce(s.closed_date, date '9999-12-31') > p.as_of
        and ($include_flagged::boolean or not s.has_flagged_held)
),

final as (
    select
        o.source,
        o.sip_id,
        o.municipality_code,
        m.municipality_name,
        o.context,
        o.target_group,
        o.lead_org,
        o.is_child,
        o.last_meeting_kind,
        o.last_held_date,
        o.next_follow_up_date,
        o.days_overdue,
        o.has_flagged_held
    from overdue as o
    left join ref_municipalities as m
        on m.municipality_code = o.municipality_code
)

select * from final
order by days_overdue desc, source, sip_id
