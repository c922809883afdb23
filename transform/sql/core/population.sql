-- population: one row per municipality and year (source, municipality_code,
-- year) of the sources in scope (of the one municipality of a municipality
-- scope).
-- inputs: staging.stg_population, kpi_sources, kpi_params
with final as (
    select
        p.source,
        p.municipality_code,
        p.year,
        p.population
    from staging.stg_population as p
    cross join kpi_params as params
    where p.source in (select ks.source from kpi_sources as ks)
        and (params.municipality_code is null or p.municipality_code = params.municipality_code)
)

select * from final
