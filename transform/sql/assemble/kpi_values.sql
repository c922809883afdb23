-- kpi_values: one row per period × KPI × breakdown × group. Every KPI of the
-- catalogue has a total row for every period of the grid (a count with no
-- units is 0, any other unit is null with n = 0); a breakdown row exists for
-- every group with units, for the breakdowns the catalogue lists. A KPI that
-- needs an optional table none of the sources in scope delivered has only
-- total rows with no_data = true and no value.
-- inputs: kpi_rows, kpi_catalog, kpi_periods, kpi_sources, load_files,
--         ref_groups
with catalog as (
    select c.kpi_id, c.unit, c.breakdowns, c.requires
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

totals as (
    select
        p.period,
        c.kpi_id,
        'total' as breakdown,
        '' as group_value,
        case when c.unit = 'count' then coalesce(r.value, 0) else r.value end as value,
        r.numerator,
        r.denominator,
        coalesce(r.n, 0) as n,
        coalesce(r.excluded, 0) as excluded,
        false as no_data
    from kpi_periods as p
    cross join catalog_state as c
    left join kpi_rows as r
        on r.period = p.period and r.kpi_id = c.kpi_id and r.breakdown = 'total'
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
        p.period,
        c.kpi_id,
        'total' as breakdown,
        '' as group_value,
        null::double as value,
        null::double as numerator,
        null::double as denominator,
        0::bigint as n,
        0::bigint as excluded,
        true as no_data
    from kpi_periods as p
    cross join catalog_state as c
    where c.is_no_data
),

all_rows as (
    select * from totals
    union all
    select * from groups
    union all
    select * from no_data
),

final as (
    select
        a.period,
        p.period_start,
        p.period_end,
        a.kpi_id,
        a.breakdown,
        a.group_value,
        coalesce(g.group_label, a.group_value) as group_label,
        a.value,
        a.numerator,
        a.denominator,
        a.n,
        a.excluded,
        a.no_data
    from all_rows as a
    inner join kpi_periods as p
        on p.period = a.period
    left join ref_groups as g
        on g.breakdown = a.breakdown and g.group_value = a.group_value
)

select * from final
