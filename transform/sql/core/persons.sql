-- persons: one row per person (source, person_id) of the sources in scope.
-- inputs: staging.stg_persons, kpi_sources
with persons_in_scope as (
    select
        p.source,
        p.person_id,
        p.birth_year,
        p.sex::{{ code_type "persons" "sex" }} as sex
    from staging.stg_persons as p
    where p.source in (select ks.source from kpi_sources as ks)
),

final as (
    select * from persons_in_scope
)

select * from final
