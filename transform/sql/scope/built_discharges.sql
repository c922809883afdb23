-- discharges of a municipality scope read from the built model: the
-- discharges of the scope's municipality (bound) from main.discharges, as a
-- temp table that shadows it for the KPI files. The built row's facts of
-- its linked SIP (the invitation, the first held meeting, …) came from the
-- region's SIPs; the scope's own model (core/discharges.sql over the
-- scope's SIPs and meetings) knows only the municipality's SIPs, so a
-- discharge linked to a SIP of another municipality (or to none) has no
-- linked SIP here, exactly as there.
-- grain: one row per discharge of the municipality (source, discharge_id)
-- inputs: main.discharges, sips (the scope's temp table), the municipality
--         code (bound)
with final as (
    select d.* replace (
        s.sip_id is not null as has_linked_sip,
        case when s.sip_id is not null then d.invitation_sent_date end as invitation_sent_date,
        case when s.sip_id is not null then d.sip_first_held_date end as sip_first_held_date,
        case when s.sip_id is not null then d.sip_has_flagged_held end as sip_has_flagged_held,
        case when s.sip_id is not null then d.first_held_after_discharge_date end as first_held_after_discharge_date,
        case when s.sip_id is not null then d.discharge_to_meeting_days end as discharge_to_meeting_days,
        case when s.sip_id is not null then d.summons_days end as summons_days
    )
    from {{ ident .Database }}.main.discharges as d
    left join sips as s
        on s.source = d.source and s.sip_id = d.sip_id
    where d.municipality_code = ?
)

select * from final
