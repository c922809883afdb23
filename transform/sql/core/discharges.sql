-- discharges: one row per discharge (source, discharge_id) of the sources in
-- scope on or before the as-of date, with the person's facts and the linked
-- SIP's invitation and first held meeting on or after the discharge.
-- inputs: staging.stg_discharges, persons (core), sips (core), meetings (core),
--         kpi_params, kpi_sources, macro age_band (params)
with params as (
    select * from kpi_params
),

in_scope as (
    select d.*
    from staging.stg_discharges as d
    cross join params
    where d.source in (select ks.source from kpi_sources as ks)
        and d.discharge_date <= params.as_of
        and (params.municipality_code is null or d.municipality_code = params.municipality_code)
),

first_meeting_after as (
    select
        d.source,
        d.discharge_id,
        min(m.held_date) as first_held_after_discharge_date
    from in_scope as d
    inner join meetings as m
        on m.source = d.source and m.sip_id = d.sip_id
    where m.is_valid_held and m.held_date >= d.discharge_date
    group by d.source, d.discharge_id
),

final as (
    select
        d.source,
        d.discharge_id,
        d.person_id,
        d.region_code,
        d.municipality_code,
        d.ready_for_discharge_date,
        d.discharge_date,
        d.care_type::{{ code_type "discharges" "care_type" }} as care_type,
        d.needs_municipal,
        d.needs_outpatient,
        d.sip_id,
        coalesce(d.needs_municipal and d.needs_outpatient, false) as needs_sip,
        s.sip_id is not null as has_linked_sip,
        s.invitation_sent_date,
        s.first_held_date as sip_first_held_date,
        s.has_flagged_held as sip_has_flagged_held,
        fm.first_held_after_discharge_date,
        fm.first_held_after_discharge_date - d.discharge_date as discharge_to_meeting_days,
        s.invitation_sent_date - d.ready_for_discharge_date as summons_days,
        p.sex,
        age_band(year(d.discharge_date) - p.birth_year) as age_band
    from in_scope as d
    left join persons as p
        on p.source = d.source and p.person_id = d.person_id
    left join sips as s
        on s.source = d.source and s.sip_id = d.sip_id
    left join first_meeting_after as fm
        on fm.source = d.source and fm.discharge_id = d.discharge_id
)

select * from final
