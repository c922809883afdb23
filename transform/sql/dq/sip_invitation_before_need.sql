-- sip_invitation_before_need: one row per row of sips that breaks the rule: an
-- invitation_sent_date (on or before the as-of date) before the SIP's need
-- was detected.
-- Returns (source, row_id, sip_id). The row stays loaded; the KPIs it would
-- distort leave it out (see catalog.toml and README.md).
-- inputs: sips (core)
with final as (
    select
        t.source,
        t.sip_id as row_id,
        t.sip_id
    from sips as t
    where t.invitation_sent_date < t.need_detected_date
)

select * from final
