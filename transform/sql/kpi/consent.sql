-- consent family: one row per period × KPI × breakdown × group for
-- consent_expired_active and consents_withdrawn.
-- Units: SIPs active at the period's end (as sips_active) with their latest
-- given consent by then; consents by withdrawn_date.
-- inputs: sips, consents, dq_flags (core), kpi_periods, kpi_period_days, kpi_params
with params as (
    select * from kpi_params
),

one_guardian as (
    select distinct f.source, f.sip_id
    from dq_flags as f
    where f.rule_id = 'consent_child_one_guardian'
),

active as (
    select
        p.period,
        p.period_end,
        s.source,
        s.sip_id,
        coalesce(s.region_code, 'unknown') as region_code,
        coalesce(s.municipality_code, 'unknown') as municipality_code,
        coalesce(s.context, 'unknown') as context,
        coalesce(s.target_group, 'unknown') as target_group,
        coalesce(s.age_band, 'unknown') as age_band,
        coalesce(s.sex, 'unknown') as sex,
        s.has_flagged_initial or og.sip_id is not null as is_excluded
    from sips as s
    inner join kpi_periods as p
        on coalesce(s.initial_held_date, s.need_detected_date) <= p.period_end
        and coalesce(s.closed_date, date '9999-12-31') > p.period_end
    left join one_guardian as og
        on og.source = s.source and og.sip_id = s.sip_id
    where s.initial_held_date is not null or s.has_flagged_initial
),

latest_given as (
    select
        a.period,
        a.source,
        a.sip_id,
        max(c.decision_date) as last_given_date
    from active as a
    inner join consents as c
        on c.source = a.source and c.sip_id = a.sip_id
    where c.decision = 'given'
        and c.decision_date <= a.period_end
        and coalesce(c.withdrawn_date, date '9999-12-31') > a.period_end
    group by a.period, a.source, a.sip_id
),

active_units as (
    select
        a.*,
        lg.last_given_date is null
            or a.period_end - lg.last_given_date > params.consent_validity_days as is_expired
    from active as a
    cross join params
    left join latest_given as lg
        on lg.period = a.period and lg.source = a.source and lg.sip_id = a.sip_id
),

active_agg as materialized (
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
        count(*) filter (where not u.is_excluded and u.is_expired) as expired,
        count(*) filter (where u.is_excluded) as excluded
    from active_units as u
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

withdrawn_units as (
    select
        p.period,
        coalesce(s.region_code, 'unknown') as region_code,
        coalesce(s.municipality_code, 'unknown') as municipality_code,
        coalesce(s.context, 'unknown') as context,
        coalesce(s.target_group, 'unknown') as target_group,
        coalesce(s.age_band, 'unknown') as age_band,
        coalesce(s.sex, 'unknown') as sex,
        -- A withdrawal dated before the decision (rule
        -- consent_withdrawn_before_decision) is left out, counted as excluded.
        c.withdrawn_date < c.decision_date as is_excluded
    from consents as c
    inner join kpi_period_days as p
        on p.day = c.withdrawn_date
    inner join sips as s
        on s.source = c.source and s.sip_id = c.sip_id
),

withdrawn_agg as materialized (
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
        count(*) filter (where not u.is_excluded) as withdrawn,
        count(*) filter (where u.is_excluded) as excluded
    from withdrawn_units as u
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

final as (
    select period, 'consent_expired_active' as kpi_id, breakdown, group_value,
        expired::double as value, null::double as numerator, null::double as denominator,
        expired as n, excluded
    from active_agg
    union all
    select period, 'consents_withdrawn', breakdown, group_value,
        withdrawn, null, null, withdrawn, excluded
    from withdrawn_agg
)

select * from final
