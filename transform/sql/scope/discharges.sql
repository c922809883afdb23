-- scope_stg_discharges: the rows of staging.stg_discharges of the scope's municipality
-- (kpi_params.municipality_code), as a temp table of a municipality scope;
-- the core models and data-quality rules read it in place of
-- staging.stg_discharges (transform/scope.go).
-- grain: one row per row of staging.stg_discharges kept
-- inputs: staging.stg_discharges, kpi_params
with params as (
    select * from kpi_params
),

final as (
    select t.*
    from staging.stg_discharges as t
    cross join params
    where t.municipality_code = params.municipality_code
)

select * from final
