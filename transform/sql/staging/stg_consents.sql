-- staging.stg_consents: one row per loaded row of raw.consents (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.consents
with final as (
    select
    source,
    consent_id,
    sip_id,
    decision,
    decision_date,
    scope,
    given_by,
    withdrawn_date
    from raw.consents
)
select * from final
