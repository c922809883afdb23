-- description: Discharges from inpatient care with needs from both
--   principals (utskrivning enligt lag 2017:612) by municipality: how many
--   led to a held SIP meeting, days from discharge to that meeting, and
--   whether the summons went out within the days allowed after the patient
--   was ready for discharge (utskrivningsklar). As the KPIs
--   discharge_sip_share, discharge_to_meeting_median_days and
--   discharge_invitation_on_time_share. Needs the optional discharges table.
-- grain: one row per quarter (of discharge_date) and municipality with at least one discharge needing a SIP
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- param: summons_days (int, default 3) days after ready_for_discharge_date within which the summons is on time
-- breakdown: quarter
-- suppress: sip_meeting_share by n_needing_sip; median_days_to_meeting by n_with_meeting_after; summons_on_time_share by n_summons_known
with units as (
    select
        q.quarter,
        d.municipality_code,
        d.has_linked_sip and d.sip_first_held_date is not null as has_sip_meeting,
        case when d.has_linked_sip then d.discharge_to_meeting_days end as discharge_to_meeting_days,
        d.has_linked_sip and d.ready_for_discharge_date is not null and d.invitation_sent_date is not null as is_summons_known,
        d.summons_days <= $summons_days::integer as is_summons_on_time
    from discharges as d
    inner join analysis_window_quarters($quarters) as q
        on d.discharge_date between q.quarter_start and q.quarter_end
    where d.needs_sip
),

aggregated as (
    select
        u.quarter,
        u.municipality_code,
        count(*) as n_needing_sip,
        count(*) filter (where u.has_sip_meeting) as n_with_sip_meeting,
        count(u.discharge_to_meeting_days) as n_with_meeting_after,
        quantile_cont(u.discharge_to_meeting_days, 0.5) as median_days_to_meeting,
        count(*) filter (where u.is_summons_known) as n_summons_known,
        count(*) filter (where u.is_summons_known and u.is_summons_on_time) as n_summons_on_time
    from units as u
    group by u.quarter, u.municipality_code
),

final as (
    select
        a.quarter,
        a.municipality_code,
        m.municipality_name,
        a.n_needing_sip,
        a.n_with_sip_meeting,
        a.n_with_sip_meeting / a.n_needing_sip as sip_meeting_share,
        a.n_with_meeting_after,
        a.median_days_to_meeting,
        a.n_summons_known,
        a.n_summons_on_time,
        case when a.n_summons_known > 0 then a.n_summons_on_time / a.n_summons_known end as summons_on_time_share
    from aggregated as a
    left join ref_municipalities as m
        on m.municipality_code = a.municipality_code
)

select * from final
order by quarter, municipality_code
