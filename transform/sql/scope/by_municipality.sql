-- scope_stg_{{ .Table }}: the rows of staging.stg_{{ .Table }} of the scope's
-- municipality (kpi_params.municipality_code), as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_{{ .Table }}. A template, rendered for each table of
-- scopedStaging (transform/scope.go) that has a municipality_code.
-- grain: one row per row of staging.stg_{{ .Table }} kept
-- inputs: staging.stg_{{ .Table }}, kpi_params
with params as (
    select * from kpi_params
),

final as (
    select t.*
    from staging.{{ ident .Staging }} as t
    cross join params
    where t.municipality_code = params.municipality_code
)

select * from final
