-- staging.stg_deviations: one row per loaded row of raw.deviations (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.deviations
with final as (
    select
    source,
    deviation_id,
    reported_date,
    region_code,
    municipality_code,
    sip_id,
    category,
    reported_by_org,
    concerns_org
    from raw.deviations
)
select * from final
