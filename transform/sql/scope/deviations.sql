-- scope_stg_deviations: the rows of staging.stg_deviations of the scope's municipality
-- (kpi_params.municipality_code), as a temp table of a municipality scope;
-- the core models and data-quality rules read it in place of
-- staging.stg_deviations (transform/scope.go).
-- grain: one row per row of staging.stg_deviations kept
-- inputs: staging.stg_deviations, kpi_params
with params as (
    select * from kpi_params
),

final as (
    select t.*
    from staging.stg_deviations as t
    cross join params
    where t.municipality_code = params.municipality_code
)

select * from final
