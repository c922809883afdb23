-- scope_stg_consents: the rows of staging.stg_consents of the scope's SIPs, as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_consents (transform/scope.go).
-- grain: one row per row of staging.stg_consents kept
-- inputs: staging.stg_consents, scope_stg_sips
with final as (
    select t.*
    from staging.stg_consents as t
    semi join scope_stg_sips as p
        on p.source = t.source and p.sip_id = t.sip_id
)

select * from final
