-- staging.stg_persons: one row per loaded row of raw.persons (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.persons
with final as (
    select
    source,
    person_id,
    birth_year,
    sex
    from raw.persons
)
select * from final
