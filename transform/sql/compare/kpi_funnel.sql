-- kpi_funnel: one row per period × share KPI × municipality with a published
-- (not suppressed) value: the funnel plot of kpis.md "Comparisons". The
-- centre is the share of the municipality's region (its SCB county's
-- `region` row of kpi_values, same period and KPI); the limits are the
-- normal approximation of the binomial (Spiegelhalter 2005):
-- centre ± z·sqrt(centre·(1 − centre)/n), z = 1.959964 (95 %) and 3.090232
-- (99.8 %), n = the municipality's denominator, clipped to 0…1. signal: the
-- value lies strictly outside the 99.8 % limits. preliminary: the value's
-- kpi_values.preliminary (the period's outcome can still change; a report
-- compares on the latest final period).
-- Suppression is the rule of transform/suppress applied as transform.Suppress
-- applies it to kpi_values: within a period × KPI, a cell with
-- 0 < n < small_number_threshold is hidden (primary); when the total is shown
-- and exactly one municipality cell with n > 0 is hidden, the shown cell with
-- the smallest n > 0 (ties: the first group in text order) is hidden too
-- (complement); the same for the region cells. A hidden municipality, one
-- whose region's value is hidden, the group `unknown` and values with no
-- denominator are left out: the funnel shows only published figures.
-- inputs: kpi_values, kpi_catalog, kpi_params
with params as (
    select small_number_threshold as threshold from kpi_params
),

share_kpis as (
    select c.kpi_id
    from kpi_catalog as c
    where c.unit = 'share' and list_contains(c.breakdowns, 'municipality')
),

totals as (
    -- The total of each period × share KPI: whether it is published decides
    -- whether a complement is needed.
    select
        v.period,
        v.kpi_id,
        not (v.n > 0 and v.n < params.threshold) as is_total_shown
    from kpi_values as v
    inner join share_kpis as k
        on k.kpi_id = v.kpi_id
    cross join params
    where v.breakdown = 'total'
),

cells as (
    -- Every region and municipality cell (incl. `unknown`: it is a cell of
    -- its breakdown for the complement rule) with its primary suppression
    -- and its rank among the shown cells with n > 0 of its breakdown.
    select
        v.period,
        v.kpi_id,
        v.breakdown,
        v.group_value,
        v.group_label,
        v.value,
        v.numerator,
        v.denominator,
        v.n,
        v.preliminary,
        v.n > 0 and v.n < params.threshold as is_primary,
        row_number() over (
            partition by v.period, v.kpi_id, v.breakdown, (v.n > 0 and v.n < params.threshold) or v.n = 0
            order by v.n, v.group_value
        ) as shown_rank
    from kpi_values as v
    inner join share_kpis as k
        on k.kpi_id = v.kpi_id
    cross join params
    where v.breakdown in ('region', 'municipality')
),

primary_counts as (
    select
        c.period,
        c.kpi_id,
        c.breakdown,
        count(*) filter (where c.is_primary) as primary_hidden
    from cells as c
    group by c.period, c.kpi_id, c.breakdown
),

published as (
    -- The cells transform.Suppress leaves shown, with a value.
    select c.*
    from cells as c
    inner join primary_counts as pc
        on pc.period = c.period and pc.kpi_id = c.kpi_id and pc.breakdown = c.breakdown
    left join totals as t
        on t.period = c.period and t.kpi_id = c.kpi_id
    where not c.is_primary
        and c.n > 0
        and c.value is not null
        and c.denominator > 0
        and c.group_value <> 'unknown'
        and not (
            -- the complement: the smallest shown cell goes too
            coalesce(t.is_total_shown, false)
            and pc.primary_hidden = 1
            and c.shown_rank = 1
        )
),

limits as (
    -- A municipality's region is its code's first two digits (the data
    -- contract: municipality_code starts with region_code).
    select
        m.period,
        m.kpi_id,
        r.group_value as region_code,
        m.group_value as municipality_code,
        m.group_label as municipality_name,
        m.value,
        m.numerator,
        m.denominator,
        m.preliminary,
        r.value as centre,
        sqrt(r.value * (1 - r.value) / m.denominator) as se
    from published as m
    inner join published as r
        on r.period = m.period
        and r.kpi_id = m.kpi_id
        and r.breakdown = 'region'
        and r.group_value = left(m.group_value, 2)
    where m.breakdown = 'municipality'
),

final as (
    select
        l.period,
        l.kpi_id,
        l.region_code,
        l.municipality_code,
        l.municipality_name,
        l.value,
        l.numerator,
        l.denominator,
        l.centre,
        greatest(l.centre - 1.959964 * l.se, 0.0) as lower_95,
        least(l.centre + 1.959964 * l.se, 1.0) as upper_95,
        greatest(l.centre - 3.090232 * l.se, 0.0) as lower_998,
        least(l.centre + 3.090232 * l.se, 1.0) as upper_998,
        l.value < greatest(l.centre - 3.090232 * l.se, 0.0)
            or l.value > least(l.centre + 3.090232 * l.se, 1.0) as signal,
        l.preliminary
    from limits as l
)

select * from final
