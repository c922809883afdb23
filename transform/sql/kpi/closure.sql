-- closure family: one row per period × KPI × breakdown × group for
-- sips_closed, sip_duration_median_days, restart_share.
-- Units: SIPs by closed_date (on or before the as-of date).
-- inputs: sips (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $sip := breakdowns "sips_closed" "sip_duration_median_days" "restart_share" }}
with sip_units as (
    select {{ $sip.PeriodColumns "s" }},
        case when not s.is_closed_before_opened then s.closed_date - s.need_detected_date end as duration_days,
        s.is_closed_before_opened,
        s.closure_reason is null as is_without_reason,
        s.closure_reason = 'goal_changed_restart' as is_restart
    from sips as s
    inner join kpi_period_days as p on p.day = s.closed_date
),

sip_agg as materialized (
    select {{ $sip.PeriodLabel "u" }},
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
    {{ count "sips_closed" "closed" "0" "sip_agg" }}
    union all {{ stat "sip_duration_median_days" "duration_median" "duration_n" "duration_excluded" "sip_agg" }}
    union all {{ share "restart_share" "restarts" "with_reason" "reason_excluded" "sip_agg" }}
)

select * from final
