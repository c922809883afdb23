-- staging.stg_sips: one row per loaded row of raw.sips (all sources).
-- Staging only names and orders the contract columns; ingest has already cast
-- them to their contract types and mapped codes to the English code.
-- inputs: raw.sips
with final as (
    select
    source,
    sip_id,
    person_id,
    region_code,
    municipality_code,
    context,
    target_group,
    initiated_by,
    need_detected_date,
    request_denied,
    invitation_sent_date,
    lead_org,
    has_long_term_goal,
    record_system,
    closed_date,
    closure_reason,
    restart_of
    from raw.sips
)
select * from final
