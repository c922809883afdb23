-- scope_stg_participants: the rows of staging.stg_participants at the scope's meetings, as a temp table of a
-- municipality scope; the core models and data-quality rules read it in
-- place of staging.stg_participants (transform/scope.go).
-- grain: one row per row of staging.stg_participants kept
-- inputs: staging.stg_participants, scope_stg_meetings
with final as (
    select t.*
    from staging.stg_participants as t
    semi join scope_stg_meetings as p
        on p.source = t.source and p.meeting_id = t.meeting_id
)

select * from final
