-- closure family: one row per period × KPI × breakdown × group for
-- sips_closed, sip_duration_median_days, restart_share.
-- Units: SIPs by closed_date (on or before the as-of date).
-- inputs: sips (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $sip := breakdowns "sips_closed" "sip_duration_median_days" "restart_share" }}
with sip_units as (
    select
        p.period,
        {{ $sip.Columns "s" }},
        case when not s.is_closed_before_opened then s.closed_date - s.need_detected_date end as duration_days,
        s.is_closed_before_opened,
        s.closure_reason is null as is_without_reason,
        s.closure_reason = 'goal_changed_restart' as is_restart
    from sips as s
    inner join kpi_period_days as p
        on p.day = s.closed_date
),

sip_agg as materialized (
    select
        u.period,
        {{ $sip.Label "u" }},
        count(*) as closed,
        quantile_cont(u.duration_days, 0.5) as duration_median,
        count(u.duration_days) as duration_n,
        count(*) filter (where u.is_closed_before_opened) as duration_excluded,
        count(*) filter (where not u.is_without_reason) as with_reason,
        count(*) filter (where u.is_restart) as restarts,
        count(*) filter (where u.is_without_reason) as reason_excluded
    from sip_units as u
    {{ $sip.GroupBy "u" "period" }}
),

final as (
    select period, 'sips_closed' as kpi_id, breakdown, group_value,
        closed::double as value, null::double as numerator, null::double as denominator,
        closed as n, 0::bigint as excluded
    from sip_agg
    union all
    select period, 'sip_duration_median_days', breakdown, group_value,
        duration_median, null, null, duration_n, duration_excluded
    from sip_agg
    union all
    select period, 'restart_share', breakdown, group_value,
        case when with_reason > 0 then restarts / with_reason end, restarts, with_reason, with_reason, reason_excluded
    from sip_agg
)

select * from final
