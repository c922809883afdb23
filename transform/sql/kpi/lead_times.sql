-- lead_times family: one row per period × KPI × breakdown × group for
-- lead_time_median_days, lead_time_p90_days, within_target_share,
-- invitation_lead_median_days, discharge_to_meeting_median_days,
-- discharge_invitation_on_time_share. Percentiles are continuous
-- (quantile_cont, linear interpolation).
-- Units: SIPs of R (coverage) by need date; discharges needing a SIP by
-- discharge date.
-- inputs: sips, discharges (core), kpi_period_days, kpi_params
with params as (
    select * from kpi_params
),

sip_units as (
    select
        p.period,
        coalesce(s.region_code, 'unknown') as region_code,
        coalesce(s.municipality_code, 'unknown') as municipality_code,
        coalesce(s.context, 'unknown') as context,
        coalesce(s.target_group, 'unknown') as target_group,
        coalesce(s.age_band, 'unknown') as age_band,
        coalesce(s.sex, 'unknown') as sex,
        case when not s.has_flagged_initial then s.lead_time_days end as lead_time_days,
        s.is_due,
        s.is_due and s.lead_time_days <= s.target_days as is_within_target,
        s.invitation_sent_date - s.need_detected_date as invitation_lead_days,
        s.has_flagged_initial as is_excluded
    from sips as s
    inner join kpi_period_days as p
        on p.day = s.need_detected_date
    where s.in_coverage
),

sip_agg as materialized (
    select
        u.period,
        case
            when grouping(u.region_code) = 0 then 'region'
            when grouping(u.municipality_code) = 0 then 'municipality'
            when grouping(u.context) = 0 then 'context'
            when grouping(u.target_group) = 0 then 'target_group'
            when grouping(u.age_band) = 0 then 'age_band'
            when grouping(u.sex) = 0 then 'sex'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, u.context, u.target_group, u.age_band, u.sex, '') as group_value,
        quantile_cont(u.lead_time_days, 0.5) as lead_median,
        quantile_cont(u.lead_time_days, 0.9) as lead_p90,
        count(u.lead_time_days) as lead_n,
        count(*) filter (where u.is_due) as due,
        count(*) filter (where u.is_within_target) as within_target,
        quantile_cont(u.invitation_lead_days, 0.5) as invitation_median,
        count(u.invitation_lead_days) as invitation_n,
        count(*) filter (where u.is_excluded) as excluded
    from sip_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code),
        (u.period, u.context),
        (u.period, u.target_group),
        (u.period, u.age_band),
        (u.period, u.sex)
    )
),

discharge_units as (
    select
        p.period,
        coalesce(d.region_code, 'unknown') as region_code,
        coalesce(d.municipality_code, 'unknown') as municipality_code,
        coalesce(d.care_type, 'unknown') as care_type,
        coalesce(d.age_band, 'unknown') as age_band,
        coalesce(d.sex, 'unknown') as sex,
        case when d.has_linked_sip then d.discharge_to_meeting_days end as discharge_to_meeting_days,
        d.has_linked_sip and d.ready_for_discharge_date is not null and d.invitation_sent_date is not null as is_summons_unit,
        d.summons_days <= params.discharge_summons_days as is_summons_on_time
    from discharges as d
    cross join params
    inner join kpi_period_days as p
        on p.day = d.discharge_date
    where d.needs_sip
),

discharge_agg as materialized (
    select
        u.period,
        case
            when grouping(u.region_code) = 0 then 'region'
            when grouping(u.municipality_code) = 0 then 'municipality'
            when grouping(u.care_type) = 0 then 'care_type'
            when grouping(u.age_band) = 0 then 'age_band'
            when grouping(u.sex) = 0 then 'sex'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, u.care_type, u.age_band, u.sex, '') as group_value,
        quantile_cont(u.discharge_to_meeting_days, 0.5) as to_meeting_median,
        count(u.discharge_to_meeting_days) as to_meeting_n,
        count(*) filter (where u.is_summons_unit) as summons_units,
        count(*) filter (where u.is_summons_unit and u.is_summons_on_time) as summons_on_time
    from discharge_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code),
        (u.period, u.care_type),
        (u.period, u.age_band),
        (u.period, u.sex)
    )
),

final as (
    select period, 'lead_time_median_days' as kpi_id, breakdown, group_value,
        lead_median::double as value, null::double as numerator, null::double as denominator,
        lead_n as n, excluded
    from sip_agg
    union all
    select period, 'lead_time_p90_days', breakdown, group_value,
        lead_p90, null, null, lead_n, excluded
    from sip_agg
    union all
    select period, 'within_target_share', breakdown, group_value,
        case when due > 0 then within_target / due end, within_target, due, due, excluded
    from sip_agg
    union all
    select period, 'invitation_lead_median_days', breakdown, group_value,
        invitation_median, null, null, invitation_n, 0
    from sip_agg
    union all
    select period, 'discharge_to_meeting_median_days', breakdown, group_value,
        to_meeting_median, null, null, to_meeting_n, 0
    from discharge_agg
    union all
    select period, 'discharge_invitation_on_time_share', breakdown, group_value,
        case when summons_units > 0 then summons_on_time / summons_units end,
        summons_on_time, summons_units, summons_units, 0
    from discharge_agg
)

select * from final
