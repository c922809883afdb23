-- description: Lead times from detected need to the initial SIP meeting
--   (ledtid behov → SIP-möte) by quarter of the need and municipality, for the
--   last N quarters up to the database's as-of date. Filter by context, e.g.
--   context=child_placement children_only=true for children placed outside
--   the home (barn och unga placerade utanför hemmet). Units as in the KPIs
--   lead_time_median_days and within_target_share: SIPs in coverage (not
--   declined, not deceased before a meeting); a SIP whose initial meeting has
--   an implausible date is left out and counted in n_excluded.
-- grain: one row per quarter (of need_detected_date) and municipality with at least one SIP
-- param: context (string, default null) a sips.context code: discharge, child_placement or standard; null = all
-- param: children_only (bool, default false) only SIPs of children (under 18 at the need)
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: median_lead_days by n_met; p90_lead_days by n_met; within_target_share by n_due
with params as (
    select
        as_of,
        date_trunc('quarter', as_of)::date - to_months(3 * ($quarters::integer - 1)) as from_date
    from (select max(ls.extracted_at) as as_of from load_sources as ls)
),

units as (
    select
        year(s.need_detected_date)::varchar || 'Q' || quarter(s.need_detected_date)::varchar as quarter,
        s.municipality_code,
        case when not s.has_flagged_initial then s.lead_time_days end as lead_time_days,
        s.is_due,
        s.is_due and s.lead_time_days <= s.target_days as is_within_target,
        s.has_flagged_initial
    from sips as s
    cross join params as p
    where s.in_coverage
        and s.need_detected_date >= p.from_date
        and s.need_detected_date <= p.as_of
        and ($context::varchar is null or s.context = $context::varchar)
        and (not $children_only::boolean or s.is_child)
),

aggregated as (
    select
        u.quarter,
        u.municipality_code,
        count(*) as n_sips,
        count(u.lead_time_days) as n_met,
        quantile_cont(u.lead_time_days, 0.5) as median_lead_days,
        quantile_cont(u.lead_time_days, 0.9) as p90_lead_days,
        count(*) filter (where u.is_due) as n_due,
        count(*) filter (where u.is_within_target) as n_within_target,
        count(*) filter (where u.has_flagged_initial) as n_excluded
    from units as u
    group by u.quarter, u.municipality_code
),

final as (
    select
        a.quarter,
        a.municipality_code,
        m.municipality_name,
        a.n_sips,
        a.n_met,
        a.median_lead_days,
        a.p90_lead_days,
        a.n_due,
        a.n_within_target,
        case when a.n_due > 0 then a.n_within_target / a.n_due end as within_target_share,
        a.n_excluded
    from aggregated as a
    left join ref_municipalities as m
        on m.municipality_code = a.municipality_code
)

select * from final
order by quarter, municipality_code
