-- staging.stg_population: one row per loaded row of raw.population (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.population
with final as (
    select
    source,
    municipality_code,
    year,
    population
    from raw.population
)
select * from final
