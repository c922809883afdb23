-- consent_child_one_guardian: one row per consent given for a child's SIP
-- (under 18 when the need was detected) by one guardian only, when the
-- setting child_consent_rule is both_guardians (no rows for any_guardian).
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and docs/figures.md).
-- inputs: consents, sips (core), kpi_params
with final as (
    select
        c.source,
        c.consent_id as row_id,
        c.sip_id
    from consents as c
    cross join kpi_params as p
    inner join sips as s
        on s.source = c.source and s.sip_id = c.sip_id
    where p.child_consent_rule = 'both_guardians'
        and s.is_child
        and c.decision = 'given'
        and c.given_by = 'guardian'
)

select * from final
