-- consents: one row per consent decision (source, consent_id) of a SIP in
-- scope, decided on or before the as-of date; a withdrawal after the as-of
-- date has not happened yet. The SIP's breakdown facts (and is_child) are not
-- copied: join sips on (source, sip_id).
-- inputs: staging.stg_consents, sips (core), kpi_params
with params as (
    select * from kpi_params
),

final as (
    select
        c.source,
        c.consent_id,
        c.sip_id,
        c.decision::{{ code_type "consents" "decision" }} as decision,
        c.decision_date,
        c.scope::{{ code_type "consents" "scope" }} as scope,
        c.given_by::{{ code_type "consents" "given_by" }} as given_by,
        case when c.withdrawn_date <= params.as_of then c.withdrawn_date end as withdrawn_date
    from staging.stg_consents as c
    cross join params
    inner join sips as s
        on s.source = c.source and s.sip_id = c.sip_id
    where c.decision_date <= params.as_of
)

select * from final
