-- scope_stg_{{ .Table }}: the rows of staging.stg_{{ .Table }} that belong to a
-- row of scope_stg_{{ .Parent }} (same source and {{ .Key }}), as a temp table
-- of a municipality scope; the core models and data-quality rules read it
-- in place of staging.stg_{{ .Table }}. A template, rendered for each table of
-- scopedStaging (transform/scope.go) that follows a parent.
-- grain: one row per row of staging.stg_{{ .Table }} kept
-- inputs: staging.stg_{{ .Table }}, scope_stg_{{ .Parent }}
with final as (
    select t.*
    from staging.{{ ident .Staging }} as t
    semi join {{ ident .ParentTable }} as p
        on p.source = t.source and p.{{ ident .Key }} = t.{{ ident .Key }}
)

select * from final
