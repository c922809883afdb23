-- kpi_spc: one row per KPI × series × month of spc_points: the p-chart with
-- Anhøj's run rules of kpis.md "Comparisons" (series, months, units and
-- preliminary months: see spc_points.sql).
-- Centre p = Σ numerators / Σ denominators over the final (not preliminary)
-- months of the series; limits p ± 3·sqrt(p(1 − p)/nᵢ) per month, clipped
-- to 0…1 (null for a month without units). outside_limits: a final month's
-- value strictly outside its limits.
-- Anhøj's rules (Anhøj & Olesen 2014, PLoS ONE 9(11): e113825; Anhøj 2015,
-- PLoS ONE 10(3): e0121349; as qicharts2's runs.analysis computes them) over
-- the final months with a value, points on the centre line skipped (they
-- neither break nor extend a run), n = those useful points: a run signal
-- when the longest run on one side of the centre is longer than
-- round(log2(n)) + 3, or the number of crossings (runs − 1) is below the 5th
-- percentile of binomial(n − 1, 0.5) (the smallest k with P(X ≤ k) ≥ 0.05,
-- R's qbinom(0.05, n − 1, 0.5)). E.g. n = 10: longest run > 6 or fewer than
-- 2 crossings; n = 18: > 7 or < 5; n = 24: > 8 or < 8. run_signal belongs
-- to the whole series (repeated on each month); in_long_run marks the months
-- of a run longer than the limit. Preliminary months are drawn with their
-- limits but never signal.
-- inputs: spc_points
with points as (
    select
        p.*,
        case when p.denominator > 0 then p.numerator / p.denominator end as value
    from spc_points as p
),

centres as (
    select
        p.kpi_id,
        p.breakdown,
        p.group_value,
        sum(p.numerator) filter (where not p.preliminary) as centre_numerator,
        sum(p.denominator) filter (where not p.preliminary) as centre_denominator
    from points as p
    group by p.kpi_id, p.breakdown, p.group_value
),

charted as (
    select
        p.*,
        case when c.centre_denominator > 0 then c.centre_numerator / c.centre_denominator end as centre,
        -- The side of the centre, exactly: sign(num/den − Σnum/Σden) by
        -- cross-multiplication; 0 on the centre line; null when not judged.
        case
            when not p.preliminary and p.denominator > 0 and c.centre_denominator > 0
                then sign(p.numerator::hugeint * c.centre_denominator - c.centre_numerator::hugeint * p.denominator)
        end as side
    from points as p
    inner join centres as c
        on c.kpi_id = p.kpi_id and c.breakdown = p.breakdown and c.group_value = p.group_value
),

limited as (
    -- greatest/least skip nulls, so the limits are null explicitly where
    -- there is no spread (no units in the month, or no centre).
    select
        ch.*,
        case when ch.denominator > 0 and ch.centre is not null
            then greatest(ch.centre - 3 * sqrt(ch.centre * (1 - ch.centre) / ch.denominator), 0.0) end as lcl,
        case when ch.denominator > 0 and ch.centre is not null
            then least(ch.centre + 3 * sqrt(ch.centre * (1 - ch.centre) / ch.denominator), 1.0) end as ucl
    from charted as ch
),

useful as (
    -- The points Anhøj's rules read: final, with a value, off the centre
    -- line; a new run starts wherever the side changes.
    select
        l.kpi_id,
        l.breakdown,
        l.group_value,
        l.month,
        l.side,
        case
            when l.side = lag(l.side) over (partition by l.kpi_id, l.breakdown, l.group_value order by l.month) then 0
            else 1
        end as is_run_start
    from limited as l
    where l.side is not null and l.side <> 0
),

run_ids as (
    select
        u.*,
        sum(u.is_run_start) over (
            partition by u.kpi_id, u.breakdown, u.group_value order by u.month
            rows between unbounded preceding and current row
        ) as run_id
    from useful as u
),

runs as (
    select
        r.kpi_id,
        r.breakdown,
        r.group_value,
        r.run_id,
        count(*) as run_length
    from run_ids as r
    group by r.kpi_id, r.breakdown, r.group_value, r.run_id
),

run_stats as (
    select
        r.kpi_id,
        r.breakdown,
        r.group_value,
        sum(r.run_length)::integer as n_useful,
        max(r.run_length)::integer as longest_run,
        (count(*) - 1)::integer as crossings
    from runs as r
    group by r.kpi_id, r.breakdown, r.group_value
),

binomial_terms as (
    -- k = 0 … n − 1 for each number of useful points n that occurs.
    select t.n_useful, unnest(range(0, t.n_useful)) as k
    from (select distinct rs.n_useful from run_stats as rs) as t
),

binomial as (
    -- P(X ≤ k) for X ~ binomial(n − 1, 0.5).
    select
        bt.n_useful,
        bt.k,
        sum(exp(
            lgamma(bt.n_useful) - lgamma(bt.k + 1) - lgamma(bt.n_useful - bt.k) - (bt.n_useful - 1) * ln(2)
        )) over (partition by bt.n_useful order by bt.k) as cdf
    from binomial_terms as bt
),

thresholds as (
    select
        b.n_useful,
        (round(log2(b.n_useful)) + 3)::integer as longest_run_max,
        min(b.k) filter (where b.cdf >= 0.05)::integer as crossings_min
    from binomial as b
    group by b.n_useful
),

series_signals as (
    select
        rs.*,
        t.longest_run_max,
        t.crossings_min,
        rs.longest_run > t.longest_run_max or rs.crossings < t.crossings_min as run_signal
    from run_stats as rs
    inner join thresholds as t
        on t.n_useful = rs.n_useful
),

long_runs as (
    -- The points of a run longer than the limit (drawn highlighted).
    select ri.kpi_id, ri.breakdown, ri.group_value, ri.month
    from run_ids as ri
    inner join runs as r
        on r.kpi_id = ri.kpi_id and r.breakdown = ri.breakdown and r.group_value = ri.group_value
        and r.run_id = ri.run_id
    inner join series_signals as ss
        on ss.kpi_id = ri.kpi_id and ss.breakdown = ri.breakdown and ss.group_value = ri.group_value
    where r.run_length > ss.longest_run_max
),

final as (
    select
        l.kpi_id,
        l.breakdown,
        l.group_value,
        l.month,
        year(l.month)::varchar || 'Q' || quarter(l.month)::varchar as quarter,
        l.value,
        l.numerator::double as numerator,
        l.denominator::double as denominator,
        l.centre,
        l.lcl,
        l.ucl,
        l.preliminary,
        coalesce(not l.preliminary and (l.value < l.lcl or l.value > l.ucl), false) as outside_limits,
        coalesce(ss.run_signal, false) as run_signal,
        lr.month is not null as in_long_run,
        coalesce(ss.n_useful, 0) as n_useful,
        ss.longest_run,
        ss.longest_run_max,
        ss.crossings,
        ss.crossings_min
    from limited as l
    left join series_signals as ss
        on ss.kpi_id = l.kpi_id and ss.breakdown = l.breakdown and ss.group_value = l.group_value
    left join long_runs as lr
        on lr.kpi_id = l.kpi_id and lr.breakdown = l.breakdown and lr.group_value = l.group_value
        and lr.month = l.month
)

select * from final
