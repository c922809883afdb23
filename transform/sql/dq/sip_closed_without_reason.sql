-- sip_closed_without_reason: one row per row of sips that breaks the rule: a closed SIP without closure_reason.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: sips (core)
with final as (
    select
        t.source,
        t.sip_id as row_id,
        t.sip_id
    from sips as t
    where t.is_closed_without_reason
)

select * from final
