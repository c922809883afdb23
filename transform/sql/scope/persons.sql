-- scope_stg_persons: the persons of the scope's SIPs and discharges, as a
-- temp table of a municipality scope; the core models read it in place of
-- staging.stg_persons (transform/scope.go).
-- grain: one row per row of staging.stg_persons kept
-- inputs: staging.stg_persons, scope_stg_sips, scope_stg_discharges
with scope_persons as (
    select s.source, s.person_id from scope_stg_sips as s
    union
    select d.source, d.person_id from scope_stg_discharges as d
),

final as (
    select t.*
    from staging.stg_persons as t
    semi join scope_persons as p
        on p.source = t.source and p.person_id = t.person_id
)

select * from final
