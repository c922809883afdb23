-- scope_stg_sips: the rows of staging.stg_sips of the scope's municipality
-- (kpi_params.municipality_code), as a temp table of a municipality scope;
-- the core models and data-quality rules read it in place of
-- staging.stg_sips (transform/scope.go).
-- grain: one row per row of staging.stg_sips kept
-- inputs: staging.stg_sips, kpi_params
with params as (
    select * from kpi_params
),

final as (
    select t.*
    from staging.stg_sips as t
    cross join params
    where t.municipality_code = params.municipality_code
)

select * from final
