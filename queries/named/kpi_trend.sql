-- description: One KPI over the last N quarters for one breakdown, straight
--   from kpi_values with the catalogue's Swedish name and unit: the figures
--   of the quarterly report, exact (use --suppress to publish). E.g.
--   kpi_id=within_target_share breakdown=municipality.
-- grain: one row per quarter and group of the breakdown
-- param: kpi_id (string, default coverage) a kpi_catalog.kpi_id (sipstat kpi lists them)
-- param: breakdown (string, default total) total, region, municipality, context, target_group, age_band, sex, org_type, mode, …
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: period
-- suppress: value by n; numerator by n; denominator by n
with final as (
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
        v.no_data,
        v.preliminary
    from analysis_window_kpi_values($quarters) as v
    inner join kpi_catalog as c
        on c.kpi_id = v.kpi_id
    where v.kpi_id = $kpi_id::varchar
        and v.breakdown = $breakdown::varchar
)

select * from final
order by period, group_value
