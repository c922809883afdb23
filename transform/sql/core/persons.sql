-- persons: one row per person (source, person_id) of the loaded sources: a
-- view over staging (build.go coreViews). Read only by core/discharges and
-- analysts; writing it cost more than reading staging through it. Every
-- other model keeps the sources in scope and joins it on (source,
-- person_id), so it needs no kpi_sources filter (which a persistent view
-- could not name: it is a temp table of the build).
-- inputs: staging.stg_persons
with final as (
    select
        p.source,
        p.person_id,
        p.birth_year,
        p.sex::{{ code_type "persons" "sex" }} as sex
    from staging.stg_persons as p
)

select * from final
