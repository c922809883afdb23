-- lead_times family: one row per period × KPI × breakdown × group for
-- lead_time_median_days, lead_time_p90_days, the box plot's
-- lead_time_p25_days, lead_time_p75_days, lead_time_min_days,
-- lead_time_max_days, within_target_share, invitation_lead_median_days,
-- discharge_to_meeting_median_days, discharge_invitation_on_time_share.
-- Percentiles are continuous (quantile_cont, linear interpolation); all six
-- lead-time quantiles come from one sort (a list of quantiles).
-- Units: SIPs of R (coverage) by need date; discharges needing a SIP by
-- discharge date.
-- inputs: sips, discharges (core), kpi_period_days, kpi_params
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $sip := breakdowns "lead_time_median_days" "lead_time_p90_days" "lead_time_p25_days" "lead_time_p75_days" "lead_time_min_days" "lead_time_max_days" "within_target_share" "invitation_lead_median_days" }}
{{ $discharge := breakdowns "discharge_to_meeting_median_days" "discharge_invitation_on_time_share" }}
with params as (
    select * from kpi_params
),

sip_units as (
    select {{ $sip.PeriodColumns "s" }},
        case when not s.has_flagged_initial then s.lead_time_days end as lead_time_days,
        s.is_due,
        s.is_due and s.lead_time_days <= s.target_days as is_within_target,
        -- An invitation dated before the need (rule
        -- sip_invitation_before_need) is left out of the invitation lead time.
        case when s.invitation_sent_date >= s.need_detected_date
            then s.invitation_sent_date - s.need_detected_date end as invitation_lead_days,
        coalesce(s.invitation_sent_date < s.need_detected_date, false) as is_invitation_excluded,
        s.has_flagged_initial as is_excluded
    from sips as s
    inner join kpi_period_days as p on p.day = s.need_detected_date
    where s.in_coverage
),

sip_agg as materialized (
    select {{ $sip.PeriodLabel "u" }},
        -- min, p25, median, p75, p90, max of one sort.
        quantile_cont(u.lead_time_days, [0, 0.25, 0.5, 0.75, 0.9, 1]) as lead_quantiles,
        count(u.lead_time_days) as lead_n,
        count(*) filter (where u.is_due) as due,
        count(*) filter (where u.is_within_target) as within_target,
        quantile_cont(u.invitation_lead_days, 0.5) as invitation_median,
        count(u.invitation_lead_days) as invitation_n,
        count(*) filter (where u.is_invitation_excluded) as invitation_excluded,
        count(*) filter (where u.is_excluded) as excluded
    from sip_units as u
    {{ $sip.GroupBy "u" "period" }}
),

discharge_units as (
    select {{ $discharge.PeriodColumns "d" }},
        case when d.has_linked_sip then d.discharge_to_meeting_days end as discharge_to_meeting_days,
        d.has_linked_sip and d.ready_for_discharge_date is not null and d.invitation_sent_date is not null as is_summons_unit,
        d.summons_days <= params.discharge_summons_days as is_summons_on_time
    from discharges as d
    cross join params
    inner join kpi_period_days as p on p.day = d.discharge_date
    where d.needs_sip
),

discharge_agg as materialized (
    select {{ $discharge.PeriodLabel "u" }},
        quantile_cont(u.discharge_to_meeting_days, 0.5) as to_meeting_median,
        count(u.discharge_to_meeting_days) as to_meeting_n,
        count(*) filter (where u.is_summons_unit) as summons_units,
        count(*) filter (where u.is_summons_unit and u.is_summons_on_time) as summons_on_time
    from discharge_units as u
    {{ $discharge.GroupBy "u" "period" }}
),

final as (
    {{ stat "lead_time_median_days" "lead_quantiles[3]" "lead_n" "excluded" "sip_agg" }}
    union all {{ stat "lead_time_p90_days" "lead_quantiles[5]" "lead_n" "excluded" "sip_agg" }}
    union all {{ stat "lead_time_p25_days" "lead_quantiles[2]" "lead_n" "excluded" "sip_agg" }}
    union all {{ stat "lead_time_p75_days" "lead_quantiles[4]" "lead_n" "excluded" "sip_agg" }}
    union all {{ stat "lead_time_min_days" "lead_quantiles[1]" "lead_n" "excluded" "sip_agg" }}
    union all {{ stat "lead_time_max_days" "lead_quantiles[6]" "lead_n" "excluded" "sip_agg" }}
    union all {{ share "within_target_share" "within_target" "due" "excluded" "sip_agg" }}
    union all {{ stat "invitation_lead_median_days" "invitation_median" "invitation_n" "invitation_excluded" "sip_agg" }}
    union all {{ stat "discharge_to_meeting_median_days" "to_meeting_median" "to_meeting_n" "0" "discharge_agg" }}
    union all {{ share "discharge_invitation_on_time_share" "summons_on_time" "summons_units" "0" "discharge_agg" }}
)

select * from final
