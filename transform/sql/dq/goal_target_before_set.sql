-- goal_target_before_set: one row per row of goals that breaks the rule: a
-- target_date before the held date of the meeting where the goal was set.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: goals (core)
with final as (
    select
        t.source,
        t.goal_id as row_id,
        t.sip_id
    from goals as t
    where t.target_date < t.set_held_date
)

select * from final
