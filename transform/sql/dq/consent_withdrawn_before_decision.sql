-- consent_withdrawn_before_decision: one row per row of consents that breaks
-- the rule: a withdrawn_date (on or before the as-of date) before the
-- consent's decision_date.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: consents (core)
with final as (
    select
        t.source,
        t.consent_id as row_id,
        t.sip_id
    from consents as t
    where t.withdrawn_date < t.decision_date
)

select * from final
