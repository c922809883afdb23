-- scope_stg_interventions: the rows of staging.stg_interventions of the scope's SIPs, as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_interventions (transform/scope.go).
-- grain: one row per row of staging.stg_interventions kept
-- inputs: staging.stg_interventions, scope_stg_sips
with final as (
    select t.*
    from staging.stg_interventions as t
    semi join scope_stg_sips as p
        on p.source = t.source and p.sip_id = t.sip_id
)

select * from final
