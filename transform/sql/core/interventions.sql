-- interventions: one row per intervention (source, intervention_id) of a SIP
-- in scope, with the principal (huvudman) of the delivering org type.
-- inputs: staging.stg_interventions, sips (core), ref_org_types
with final as (
    select
        i.source,
        i.intervention_id,
        i.sip_id,
        i.org_type::{{ code_type "interventions" "org_type" }} as org_type,
        o.principal::{{ principal_type }} as principal,
        i.start_date,
        i.end_date
    from staging.stg_interventions as i
    inner join sips as s
        on s.source = i.source and s.sip_id = i.sip_id
    left join ref_org_types as o
        on o.org_type = i.org_type
)

select * from final
