-- sips: one row per SIP (source, sip_id) of the sources in scope whose need was
-- detected on or before the as-of date (and its extract's date), with the person's facts, the consent
-- state, the initial meeting, the lead time and the flags the KPIs use.
-- Dates after the as-of date have not happened yet: a closure or invitation
-- after it is treated as absent. A municipality scope keeps that
-- municipality's SIPs only (every model reading sips follows).
-- inputs: staging.stg_sips, staging.stg_persons, staging.stg_consents,
--         staging.stg_meetings, load_sources, kpi_params, kpi_sources,
--         kpi_context_targets, macro age_band (params)
with params as (
    select * from kpi_params
),

extract_dates as (
    -- A meeting held after its extract's extraction date is a data error, not
    -- a future event (rule meeting_held_after_as_of).
    select
        ls.source,
        coalesce(ls.extracted_at, params.as_of) as extracted_at
    from load_sources as ls
    cross join params
),

sips_in_scope as not materialized (
    -- The SIPs of the sources in scope whose need was detected on or before
    -- the as-of date and their extract's date, with that date. base and
    -- held_meetings read it; not materialized, so each reads staging with
    -- this filter (cheaper than materialising the SIPs for a second reader).
    select
        s.*,
        coalesce(ed.extracted_at, params.as_of) as extracted_at
    from staging.stg_sips as s
    cross join params
    left join extract_dates as ed
        on ed.source = s.source
    where s.source in (select ks.source from kpi_sources as ks)
        and s.need_detected_date <= params.as_of
        -- A need after the extract's date is a data error (rule
        -- sip_need_after_as_of), whatever A is.
        and s.need_detected_date <= coalesce(ed.extracted_at, params.as_of)
        and (params.municipality_code is null or s.municipality_code = params.municipality_code)
),

base as (
    select
        s.source,
        s.sip_id,
        s.person_id,
        s.region_code,
        s.municipality_code,
        s.context::{{ code_type "sips" "context" }} as context,
        s.target_group::{{ code_type "sips" "target_group" }} as target_group,
        s.initiated_by::{{ code_type "sips" "initiated_by" }} as initiated_by,
        s.need_detected_date,
        s.request_denied,
        case when s.invitation_sent_date <= params.as_of then s.invitation_sent_date end as invitation_sent_date,
        s.lead_org::{{ code_type "sips" "lead_org" }} as lead_org,
        s.has_long_term_goal,
        s.record_system::{{ code_type "sips" "record_system" }} as record_system,
        case when s.closed_date <= params.as_of then s.closed_date end as closed_date,
        case when s.closed_date <= params.as_of then s.closure_reason end::{{ code_type "sips" "closure_reason" }} as closure_reason,
        s.restart_of,
        p.birth_year,
        p.sex::{{ code_type "persons" "sex" }} as sex,
        s.extracted_at
    from sips_in_scope as s
    cross join params
    left join staging.stg_persons as p
        on p.source = s.source and p.person_id = s.person_id
),

consent_state as (
    select
        c.source,
        c.sip_id,
        max(c.decision_date) filter (where c.decision = 'declined') as last_declined_date,
        max(c.decision_date) filter (where c.decision = 'given') as last_given_date
    from staging.stg_consents as c
    cross join params
    where c.decision_date <= params.as_of
    group by c.source, c.sip_id
),

held_meetings as (
    -- Every meeting with status held, classified as a valid held meeting or
    -- one whose date the data-quality rules reject. A meeting held after the
    -- as-of date but on or before its extract's date has simply not happened
    -- yet at the as-of date; one held after its extract's date is a data
    -- error whatever the as-of date is (kpis.md Terms), also when --as-of
    -- is later than extracted_at.
    select
        m.source,
        m.sip_id,
        m.meeting_id,
        m.kind,
        m.held_date,
        coalesce(m.held_date, m.planned_date) as period_date,
        (
            m.held_date is not null
            and m.held_date >= b.need_detected_date
            and m.held_date <= params.as_of
            and m.held_date <= b.extracted_at
        ) as is_valid,
        (
            m.held_date is null
            or m.held_date < b.need_detected_date
            or m.held_date > b.extracted_at
        ) as is_flagged
    from staging.stg_meetings as m
    inner join sips_in_scope as b
        on b.source = m.source and b.sip_id = m.sip_id
    cross join params
    where m.status = 'held'
),

meeting_state as (
    -- One pass over the held meetings: the initial meeting is the earliest
    -- valid held one (ties: the smaller meeting_id in byte order), taken
    -- with arg_min instead of a window and a second join. A SIP has an
    -- initial meeting of unknown date (has_flagged_initial) only when its
    -- held initial meetings are all flagged: a flagged one beside a valid
    -- one changes nothing (kpis.md Terms).
    select
        hm.source,
        hm.sip_id,
        arg_min(hm.meeting_id, (hm.held_date, hm.meeting_id))
            filter (where hm.kind = 'initial' and hm.is_valid) as initial_meeting_id,
        min(hm.held_date) filter (where hm.kind = 'initial' and hm.is_valid) as initial_held_date,
        bool_or(hm.kind = 'initial' and hm.is_flagged)
            and not bool_or(hm.kind = 'initial' and hm.is_valid) as has_flagged_initial,
        min(hm.period_date) filter (where hm.kind = 'initial' and hm.is_flagged) as flagged_initial_date,
        bool_or(hm.is_flagged) as has_flagged_held,
        min(hm.held_date) filter (where hm.is_valid) as first_held_date
    from held_meetings as hm
    group by hm.source, hm.sip_id
),

derived as (
    select
        b.*,
        year(b.need_detected_date) - b.birth_year as age_at_need,
        coalesce(year(b.need_detected_date) - b.birth_year < 18, false) as is_child,
        coalesce(
            cs.last_declined_date is not null
            and (cs.last_given_date is null or cs.last_given_date <= cs.last_declined_date),
            false
        ) as is_declined,
        cs.last_given_date is not null as has_given_consent,
        ms.initial_meeting_id,
        ms.initial_held_date,
        coalesce(ms.has_flagged_initial, false) as has_flagged_initial,
        ms.flagged_initial_date,
        coalesce(ms.has_flagged_held, false) as has_flagged_held,
        ms.first_held_date,
        ms.initial_held_date - b.need_detected_date as lead_time_days
    from base as b
    left join consent_state as cs
        on cs.source = b.source and cs.sip_id = b.sip_id
    left join meeting_state as ms
        on ms.source = b.source and ms.sip_id = b.sip_id
),

flagged as (
    select
        d.*,
        age_band(d.age_at_need) as age_band,
        coalesce(
            case when d.is_child then params.meeting_target_days_children end,
            ct.target_days,
            params.meeting_target_days
        ) as target_days,
        coalesce(
            d.closure_reason = 'deceased'
            and d.closed_date is not null
            and (d.initial_held_date is null or d.closed_date < d.initial_held_date),
            false
        ) as is_deceased_before_initial,
        coalesce(d.closed_date < d.need_detected_date, false) as is_closed_before_opened,
        (d.closed_date is not null and d.closure_reason is null) as is_closed_without_reason
    from derived as d
    cross join params
    left join kpi_context_targets as ct
        on ct.context = d.context
),

final as (
    select
        f.*,
        not f.is_declined and not f.is_deceased_before_initial as in_coverage,
        (
            not f.is_declined
            and not f.is_deceased_before_initial
            and not f.has_flagged_initial
            and (
                f.initial_held_date is not null
                or f.need_detected_date + f.target_days <= params.as_of
            )
        ) as is_due
    from flagged as f
    cross join params
)

select * from final
