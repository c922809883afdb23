-- description: Lead times from detected need to the initial SIP meeting
--   (ledtid behov → SIP-möte) by quarter of the need and municipality, for the
--   last N quarters up to the database's as-of date. Read from kpi_values (the
--   KPIs lead_time_median_days, lead_time_p90_days and within_target_share by
--   municipality), so the figures are the workbook's; units as there: SIPs in
--   coverage (not declined, not deceased before a meeting); a SIP whose
--   initial meeting has an implausible date is left out and counted in
--   n_excluded. preliminary: the quarter's figures can still change (kpis.md).
--   For a context (e.g. child_placement) see sipstat kpi --by context.
-- grain: one row per quarter (of need_detected_date) and municipality with a lead time or a due SIP
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: median_lead_days by n_met; p90_lead_days by n_met; within_target_share by n_due
with kpi as (
    select
        v.period,
        v.group_value as municipality_code,
        v.kpi_id,
        v.value,
        v.numerator::bigint as numerator,
        v.denominator::bigint as denominator,
        v.n,
        v.excluded,
        v.preliminary
    from analysis_window_kpi_values($quarters) as v
    where v.kpi_id in ('lead_time_median_days', 'lead_time_p90_days', 'within_target_share')
        and v.breakdown = 'municipality'
),

by_municipality as (
    select
        k.period as quarter,
        k.municipality_code,
        any_value(k.n) filter (where k.kpi_id = 'lead_time_median_days') as n_met,
        any_value(k.value) filter (where k.kpi_id = 'lead_time_median_days') as median_lead_days,
        any_value(k.value) filter (where k.kpi_id = 'lead_time_p90_days') as p90_lead_days,
        any_value(k.denominator) filter (where k.kpi_id = 'within_target_share') as n_due,
        any_value(k.numerator) filter (where k.kpi_id = 'within_target_share') as n_within_target,
        any_value(k.value) filter (where k.kpi_id = 'within_target_share') as within_target_share,
        any_value(k.excluded) filter (where k.kpi_id = 'lead_time_median_days') as n_excluded,
        bool_or(k.preliminary) as preliminary
    from kpi as k
    group by k.period, k.municipality_code
),

final as (
    select
        b.quarter,
        b.municipality_code,
        m.municipality_name,
        b.n_met,
        b.median_lead_days,
        b.p90_lead_days,
        b.n_due,
        b.n_within_target,
        b.within_target_share,
        b.n_excluded,
        b.preliminary
    from by_municipality as b
    left join ref_municipalities as m
        on m.municipality_code = b.municipality_code
    where b.n_met > 0 or b.n_due > 0 or b.n_excluded > 0
)

select * from final
order by quarter, municipality_code
