-- meeting_held_without_date: one row per row of meetings that breaks the rule: a held meeting without held_date.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: meetings (core)
with final as (
    select
        t.source,
        t.meeting_id as row_id,
        t.sip_id
    from meetings as t
    where t.is_held_without_date
)

select * from final
