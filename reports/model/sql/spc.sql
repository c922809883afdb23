-- spc.sql: the monthly p-charts of the key shares (kpi_spc, built by
-- transform; in a municipality's scope the temp kpi_spc of its own units):
-- the total series.
-- Grain: one row per kpi_id × month. Inputs: kpi_spc.
with spc as (
    select
        s.kpi_id,
        s.month,
        s.value,
        s.numerator,
        s.denominator,
        s.centre,
        s.lcl,
        s.ucl,
        s.outside_limits,
        s.run_signal,
        s.preliminary
    from kpi_spc as s
    where s.breakdown = 'total'
),

final as (
    select * from spc
)

select * from final
order by kpi_id, month
