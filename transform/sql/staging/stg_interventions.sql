-- staging.stg_interventions: one row per loaded row of raw.interventions (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.interventions
with final as (
    select
    source,
    intervention_id,
    sip_id,
    org_type,
    start_date,
    end_date
    from raw.interventions
)
select * from final
