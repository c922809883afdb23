-- staging.stg_discharges: one row per loaded row of raw.discharges (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.discharges
with final as (
    select
    source,
    discharge_id,
    person_id,
    region_code,
    municipality_code,
    ready_for_discharge_date,
    discharge_date,
    care_type,
    needs_municipal,
    needs_outpatient,
    sip_id
    from raw.discharges
)
select * from final
