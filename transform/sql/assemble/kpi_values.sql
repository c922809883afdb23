-- kpi_values: one row per period × KPI × breakdown × group. Every KPI of the
-- catalogue has a total row for every period of the grid (a count with no
-- units is 0, any other unit is null with n = 0); a breakdown row exists for
-- every group with units, for the breakdowns the catalogue lists. A KPI that
-- needs an optional table none of the sources in scope delivered has only
-- total rows with no_data = true and no value. A point-in-time KPI
-- (followups_overdue, a count at A) has rows in the latest period only.
-- Each row carries, judged once with the catalogue (kpis.md "Preliminary
-- values", "Targets, direction and status", "Comparisons"):
--   preliminary      end of the period + the KPI's observation window > A
--   status           met | not_met against the KPI's target (settings), none
--                    without a target or a value, or when preliminary
--   trend            better | worse | unchanged against the same quarter a
--                    year earlier (direction-aware; none for neutral KPIs,
--                    without a value on either side, or when either side is
--                    preliminary). unchanged = not significant at p < 0.05:
--                    shares a two-proportion z test (pooled); counts the
--                    conditional binomial test of two Poisson counts (R's
--                    poisson.test; exact near the threshold, elsewhere the
--                    normal approximation with continuity correction, which
--                    decides the same there);
--                    rates the same test with the two exposures (normal
--                    approximation); days, means and indices the change only
--   reference_value  municipality rows: the region's value (same period,
--                    KPI, region row); region and total rows: the nation's
--                    (the total) when the sources hold all 21 regions; in a
--                    municipality scope, the region's value of the same row
--                    (kpi_reference, filled from the built kpi_values)
-- inputs: kpi_rows, kpi_catalog, kpi_periods, kpi_sources, kpi_params,
--         kpi_reference, load_files, ref_groups, ref_municipalities
with params as (
    select * from kpi_params
),

catalog as (
    select
        c.kpi_id, c.unit, c.breakdowns, c.requires, c.direction, c.target,
        c.target_op, c.observation_window_days, c.is_point_in_time
    from kpi_catalog as c
),

delivered as (
    select list(distinct lf.table_name) as tables
    from load_files as lf
    where lf.source in (select ks.source from kpi_sources as ks)
),

catalog_state as (
    select
        c.*,
        len(list_filter(c.requires, t -> not list_contains(coalesce(d.tables, []), t))) > 0 as is_no_data
    from catalog as c
    cross join delivered as d
),

last_period as (
    select kp.period
    from kpi_periods as kp
    order by kp.period_end desc, kp.period_start desc
    limit 1
),

catalog_periods as (
    -- The periods each KPI has rows in: all, or the latest for a count at A.
    select p.period, c.*
    from kpi_periods as p
    cross join catalog_state as c
    where not c.is_point_in_time or p.period in (select lp.period from last_period as lp)
),

totals as (
    select
        c.period,
        c.kpi_id,
        'total' as breakdown,
        '' as group_value,
        case when c.unit = 'count' then coalesce(r.value, 0) else r.value end as value,
        r.numerator,
        r.denominator,
        coalesce(r.n, 0) as n,
        coalesce(r.excluded, 0) as excluded,
        false as no_data
    from catalog_periods as c
    left join kpi_rows as r
        on r.period = c.period and r.kpi_id = c.kpi_id and r.breakdown = 'total'
    where not c.is_no_data
),

catalog_breakdowns as (
    select
        c.kpi_id,
        unnest(c.breakdowns) as breakdown
    from catalog_state as c
    where not c.is_no_data
),

groups as (
    select
        r.period,
        r.kpi_id,
        r.breakdown,
        r.group_value,
        r.value,
        r.numerator,
        r.denominator,
        r.n,
        r.excluded,
        false as no_data
    from kpi_rows as r
    inner join catalog_breakdowns as cb
        on cb.kpi_id = r.kpi_id and cb.breakdown = r.breakdown
),

no_data as (
    select
        c.period,
        c.kpi_id,
        'total' as breakdown,
        '' as group_value,
        null::double as value,
        null::double as numerator,
        null::double as denominator,
        0::bigint as n,
        0::bigint as excluded,
        true as no_data
    from catalog_periods as c
    where c.is_no_data
),

all_rows as materialized (
    select * from totals
    union all
    select * from groups
    union all
    select * from no_data
),

judged as materialized (
    -- preliminary, and the label of the same quarter a year earlier (null
    -- for a date range).
    select
        a.*,
        p.period_start,
        p.period_end,
        c.unit,
        c.direction,
        c.target,
        c.target_op,
        not c.is_point_in_time
            and p.period_end + c.observation_window_days > params.as_of as preliminary,
        case
            when regexp_full_match(a.period, '[0-9]{4}Q[1-4]')
                then (a.period[1:4]::integer - 1)::varchar || a.period[5:]
        end as year_earlier,
        c.is_point_in_time
    from all_rows as a
    inner join kpi_periods as p
        on p.period = a.period
    inner join catalog_state as c
        on c.kpi_id = a.kpi_id
    cross join params
),

compared as (
    -- The row beside the same quarter a year earlier, and the change's
    -- sign and significance. A point-in-time KPI has no earlier row.
    select
        j.*,
        e.value as e_value,
        e.numerator as e_numerator,
        e.denominator as e_denominator,
        e.preliminary as e_preliminary,
        least(j.value, e.value)::bigint as count_low,
        (j.value + e.value)::bigint as count_sum
    from judged as j
    left join judged as e
        on e.period = j.year_earlier
        and e.kpi_id = j.kpi_id
        and e.breakdown = j.breakdown
        and e.group_value = j.group_value
),

tested as (
    select
        c.*,
        case
            when c.value is null or c.e_value is null or c.preliminary or c.e_preliminary then null
            when c.value = c.e_value then false
            when c.unit = 'share' then
                case
                    when c.denominator > 0 and c.e_denominator > 0 then
                        abs(c.numerator / c.denominator - c.e_numerator / c.e_denominator)
                        / nullif(sqrt(
                            ((c.numerator + c.e_numerator) / (c.denominator + c.e_denominator))
                            * (1 - (c.numerator + c.e_numerator) / (c.denominator + c.e_denominator))
                            * (1 / c.denominator + 1 / c.e_denominator)
                        ), 0) > 1.959963984540054
                    else false
                end
            when c.unit = 'count'
                and (abs(c.value - c.e_value) - 1) / sqrt(c.value + c.e_value) between 1.8 and 2.1
                and c.count_sum <= 200000 then
                -- Exact: p = min(1, 2 · P(X ≤ low)), X ~ Bin(x1 + x2, 1/2);
                -- only near the threshold (see the next branch).
                least(1, 2 * list_sum(list_transform(
                    range(0, c.count_low + 1),
                    i -> exp(lgamma(c.count_sum + 1) - lgamma(i + 1) - lgamma(c.count_sum - i + 1) - c.count_sum * ln(2))
                ))) < 0.05
            when c.unit = 'count' then
                -- The normal approximation with continuity correction. For
                -- every x1 + x2 ≤ 2 000 it decides exactly as the exact test
                -- unless z is within 1.940…1.960 (checked exhaustively), so
                -- the exact sum runs only for z in 1.8…2.1.
                (abs(c.value - c.e_value) - 1) / sqrt(c.value + c.e_value) > 1.959963984540054
            when c.unit = 'rate' then
                case
                    when c.numerator + c.e_numerator > 0 and c.denominator > 0 and c.e_denominator > 0 then
                        abs(c.numerator - (c.numerator + c.e_numerator) * c.denominator / (c.denominator + c.e_denominator))
                        / sqrt((c.numerator + c.e_numerator) * c.denominator * c.e_denominator
                            / ((c.denominator + c.e_denominator) * (c.denominator + c.e_denominator)))
                        > 1.959963984540054
                    else false
                end
            -- days, means, indices: the change only
            else true
        end as is_changed,
        case when c.breakdown = 'municipality' then c.group_value end as municipality_key,
        case when c.breakdown in ('region', 'total') then 'total' end as nation_key
    from compared as c
),

all_regions as (
    -- Whether the sources in scope hold every region (county) of SCB's list
    -- (needs in every county in some period): then the total is the
    -- nation's value.
    select
        count(distinct r.group_value) = (select count(distinct rm.county_code) from ref_municipalities as rm)
            as holds_all
    from kpi_rows as r
    where r.kpi_id = 'needs_detected' and r.breakdown = 'region'
        and r.group_value in (select rm.county_code from ref_municipalities as rm)
),

municipality_regions as (
    select rm.municipality_code, rm.county_code
    from ref_municipalities as rm
),

final as (
    select
        t.period,
        t.period_start,
        t.period_end,
        t.kpi_id,
        t.breakdown,
        t.group_value,
        coalesce(g.group_label, t.group_value) as group_label,
        t.value,
        t.numerator,
        t.denominator,
        t.n,
        t.excluded,
        t.no_data,
        t.preliminary,
        case
            when t.target is null or t.value is null or t.preliminary or t.no_data then 'none'
            when t.target_op = '<=' and t.value <= t.target then 'met'
            when t.target_op = '>=' and t.value >= t.target then 'met'
            else 'not_met'
        end as status,
        case
            when t.direction = 'neutral' or t.is_changed is null or t.is_point_in_time then 'none'
            when not t.is_changed then 'unchanged'
            when (t.value > t.e_value) = (t.direction = 'higher') then 'better'
            else 'worse'
        end as trend,
        case
            when params.municipality_code is not null then sr.value
            when t.breakdown = 'municipality' then rv.value
            when t.breakdown in ('region', 'total') and ar.holds_all then nv.value
        end as reference_value
    from tested as t
    cross join all_regions as ar
    cross join params
    left join kpi_reference as sr
        on sr.period = t.period and sr.kpi_id = t.kpi_id and sr.breakdown = t.breakdown
        and sr.group_value = t.group_value
    left join ref_groups as g
        on g.breakdown = t.breakdown and g.group_value = t.group_value
    -- Equality joins only (a constant condition in a join's ON made it a
    -- nested loop): the keys are null where a row has no such reference.
    left join municipality_regions as mr
        on mr.municipality_code = t.municipality_key
    left join all_rows as rv
        on rv.period = t.period and rv.kpi_id = t.kpi_id and rv.breakdown = 'region'
        and rv.group_value = mr.county_code
    left join all_rows as nv
        on nv.period = t.period and nv.kpi_id = t.kpi_id and nv.breakdown = t.nation_key
        and nv.group_value = ''
)

select * from final
