-- coverage family: one row per period × KPI × breakdown × group for
-- needs_detected, needs_declined_share, requests_denied, coverage,
-- discharges_needing_sip, discharge_sip_share, sips_active, sips_per_10000,
-- and the process funnel of the SIPs of needs_detected: sips_consented,
-- sips_invited, initial_meetings_held.
-- Units: SIPs by need date; SIPs active at the period's end; discharges by
-- discharge date; population by municipality.
-- inputs: sips, discharges, population (core), load_sources, kpi_periods, kpi_period_days,
--         kpi_sources
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $sip := breakdowns "needs_detected" "needs_declined_share" "requests_denied" "coverage" "sips_consented" "sips_invited" "initial_meetings_held" }}
{{ $active := breakdowns "sips_active" "sips_per_10000" }}
{{ $discharge := breakdowns "discharges_needing_sip" "discharge_sip_share" }}
{{ $rate := breakdowns "sips_per_10000" }}
with sip_units as (
    select {{ $sip.PeriodColumns "s" }},
        s.is_declined,
        coalesce(s.request_denied, false) as is_request_denied,
        s.is_due,
        s.initial_held_date is not null as has_initial,
        s.in_coverage and s.has_flagged_initial as is_excluded,
        s.has_given_consent and not s.is_declined as is_consented,
        s.invitation_sent_date is not null as is_invited,
        s.has_flagged_initial
    from sips as s
    inner join kpi_period_days as p on p.day = s.need_detected_date
),

sip_agg as materialized (
    select {{ $sip.PeriodLabel "u" }},
        count(*) as needs,
        count(*) filter (where u.is_declined) as declined,
        count(*) filter (where u.is_request_denied) as denied,
        count(*) filter (where u.is_due) as due,
        count(*) filter (where u.is_due and u.has_initial) as due_met,
        count(*) filter (where u.is_excluded) as excluded,
        count(*) filter (where u.is_consented) as consented,
        count(*) filter (where u.is_invited) as invited,
        -- A SIP whose held initial meeting has a flagged date is left out
        -- of initial_meetings_held, as of coverage.
        count(*) filter (where u.has_initial and not u.has_flagged_initial) as initial_held,
        count(*) filter (where u.has_flagged_initial) as initial_excluded
    from sip_units as u
    {{ $sip.GroupBy "u" "period" }}
),

active_units as (
    -- SIPs open at the period's end whose initial meeting was held by then,
    -- and SIPs left out because their initial meeting's date is flagged.
    select {{ $active.PeriodColumns "s" }},
        s.has_flagged_initial as is_excluded
    from sips as s
    inner join kpi_periods as p
        on coalesce(s.initial_held_date, s.need_detected_date) <= p.period_end
        and coalesce(s.closed_date, date '9999-12-31') > p.period_end
    where s.initial_held_date is not null or s.has_flagged_initial
),

active_agg as materialized (
    select {{ $active.PeriodLabel "u" }},
        count(*) filter (where not u.is_excluded) as active,
        count(*) filter (where u.is_excluded) as excluded
    from active_units as u
    {{ $active.GroupBy "u" "period" }}
),

discharge_units as (
    select {{ $discharge.PeriodColumns "d" }},
        d.sip_first_held_date is not null as has_meeting,
        d.sip_first_held_date is null and coalesce(d.sip_has_flagged_held, false) as is_excluded
    from discharges as d
    inner join kpi_period_days as p on p.day = d.discharge_date
    where d.needs_sip
),

discharge_agg as materialized (
    select {{ $discharge.PeriodLabel "u" }},
        count(*) as needing,
        count(*) filter (where not u.is_excluded) as share_units,
        count(*) filter (where u.has_meeting) as with_meeting,
        count(*) filter (where u.is_excluded) as excluded
    from discharge_units as u
    {{ $discharge.GroupBy "u" "period" }}
),

counties_in_scope as (
    select distinct s.region_code as county_code from sips as s
    union
    select distinct ls.region_code
    from load_sources as ls
    where ls.source in (select ks.source from kpi_sources as ks) and ls.region_code is not null
),

population_at_period as (
    -- The population of each municipality for the year of the period's end,
    -- or the latest earlier year delivered.
    select
        p.period,
        pop.municipality_code,
        left(pop.municipality_code, 2) as region_code,
        arg_max(pop.population, pop.year) as population
    from kpi_periods as p
    inner join population as pop
        on pop.year <= year(p.period_end)
    where left(pop.municipality_code, 2) in (select c.county_code from counties_in_scope as c)
    group by p.period, pop.municipality_code
),

population_agg as materialized (
    select
        pp.period,
        {{ $rate.Label "pp" }},
        sum(pp.population) as population
    from population_at_period as pp
    {{ $rate.GroupBy "pp" "period" }}
),

rate as (
    select
        pa.period,
        pa.breakdown,
        pa.group_value,
        coalesce(aa.active, 0) as active,
        pa.population,
        coalesce(aa.excluded, 0) as excluded
    from population_agg as pa
    left join active_agg as aa
        on aa.period = pa.period and aa.breakdown = pa.breakdown and aa.group_value = pa.group_value
),

final as (
    {{ count "needs_detected" "needs" "0" "sip_agg" }}
    union all {{ share "needs_declined_share" "declined" "needs" "0" "sip_agg" }}
    union all {{ count "requests_denied" "denied" "0" "sip_agg" }}
    union all {{ share "coverage" "due_met" "due" "excluded" "sip_agg" }}
    union all {{ count "sips_consented" "consented" "0" "sip_agg" }}
    union all {{ count "sips_invited" "invited" "0" "sip_agg" }}
    union all {{ count "initial_meetings_held" "initial_held" "initial_excluded" "sip_agg" }}
    union all {{ count "discharges_needing_sip" "needing" "0" "discharge_agg" }}
    union all {{ share "discharge_sip_share" "with_meeting" "share_units" "excluded" "discharge_agg" }}
    union all {{ count "sips_active" "active" "excluded" "active_agg" }}
    union all {{ rate "sips_per_10000" "active" "population" "10000.0" "active" "excluded" "rate" }}
)

select * from final
