-- meetings: one row per meeting (source, meeting_id) of a SIP in scope, with
-- the SIP's breakdown facts, the age at the meeting and the data-quality
-- facts. is_held: status held and not after the as-of date (a meeting held
-- after the as-of date but on or before its extract's date has not happened
-- yet). is_valid_held: held with a plausible date; only these count as held
-- in any KPI. period_date places a meeting left out because of its date in
-- the period it would have counted in.
-- inputs: staging.stg_meetings, sips (core), kpi_params, macro age_band (params)
with params as (
    select * from kpi_params
),

joined as (
    select
        m.source,
        m.meeting_id,
        m.sip_id,
        m.kind::{{ code_type "meetings" "kind" }} as kind,
        m.planned_date,
        m.status::{{ code_type "meetings" "status" }} as status,
        m.held_date,
        m.mode::{{ code_type "meetings" "mode" }} as mode,
        m.individual_participation::{{ code_type "meetings" "individual_participation" }} as individual_participation,
        m.child_participation::{{ code_type "meetings" "child_participation" }} as child_participation,
        m.plan_established,
        m.next_follow_up_date,
        s.region_code,
        s.municipality_code,
        s.context,
        s.target_group,
        s.sex,
        s.birth_year,
        s.need_detected_date,
        s.closed_date as sip_closed_date,
        s.extracted_at,
        (
            m.status = 'held'
            and (m.held_date is null or m.held_date <= params.as_of or m.held_date > s.extracted_at)
        ) as is_held
    from staging.stg_meetings as m
    cross join params
    inner join sips as s
        on s.source = m.source and s.sip_id = m.sip_id
),

flagged as (
    select
        j.*,
        j.is_held and j.held_date is null as is_held_without_date,
        j.is_held and j.held_date < j.need_detected_date as is_held_before_need,
        j.is_held and j.held_date > j.extracted_at as is_held_after_as_of,
        j.is_held and j.mode is null as is_held_without_mode,
        j.is_held and j.individual_participation is null as is_held_without_individual_participation,
        year(coalesce(j.held_date, j.planned_date)) - j.birth_year as age_at_meeting
    from joined as j
),

final as (
    select
        f.*,
        coalesce(f.is_held_without_date or f.is_held_before_need or f.is_held_after_as_of, false) as has_date_flag,
        f.is_held
            and not coalesce(f.is_held_without_date or f.is_held_before_need or f.is_held_after_as_of, false)
            as is_valid_held,
        coalesce(f.held_date, f.planned_date) as period_date,
        coalesce(f.age_at_meeting < 18, false) as is_child,
        age_band(f.age_at_meeting) as age_band
    from flagged as f
)

select * from final
