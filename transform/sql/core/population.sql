-- population: one row per municipality and year (source, municipality_code,
-- year) of the sources in scope.
-- inputs: staging.stg_population, kpi_sources
with final as (
    select
        p.source,
        p.municipality_code,
        p.year,
        p.population
    from staging.stg_population as p
    where p.source in (select ks.source from kpi_sources as ks)
)

select * from final
