-- description: One KPI over the last N quarters for one breakdown, straight
--   from kpi_values with the catalogue's Swedish name and unit: the figures
--   of the quarterly report, exact (use --suppress to publish). E.g.
--   kpi_id=within_target_share breakdown=municipality.
-- grain: one row per quarter and group of the breakdown
-- param: kpi_id (string, default coverage) a kpi_catalog.kpi_id (sipstat kpi --list shows them)
-- param: breakdown (string, default total) total, region, municipality, context, target_group, age_band, sex, org_type, mode, …
-- param: quarters (int, default 8) how many quarters, ending with the latest in kpi_values
-- breakdown: period
-- suppress: value by n; numerator by n; denominator by n
with periods as (
    select distinct v.period, v.period_start
    from kpi_values as v
    where v.period similar to '[0-9]{4}Q[1-4]'
),

wanted_periods as (
    select p.period
    from periods as p
    qualify row_number() over (order by p.period_start desc) <= $quarters::integer
),

final as (
    select
        v.period,
        v.period_start,
        v.period_end,
        v.kpi_id,
        c.name_sv,
        c.unit,
        v.breakdown,
        v.group_value,
        v.group_label,
        v.value,
        v.numerator,
        v.denominator,
        v.n,
        v.excluded,
        v.no_data
    from kpi_values as v
    inner join kpi_catalog as c
        on c.kpi_id = v.kpi_id
    where v.kpi_id = $kpi_id::varchar
        and v.breakdown = $breakdown::varchar
        and v.period in (select w.period from wanted_periods as w)
)

select * from final
order by period, group_value
