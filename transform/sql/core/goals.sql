-- goals: one row per sub-goal (source, goal_id) of a SIP in scope, with the
-- date of the meeting where it was set (only if validly held). The SIP's
-- breakdown facts (region, municipality, context, …) are not copied: join
-- sips on (source, sip_id).
-- inputs: staging.stg_goals, meetings (core), sips (core)
with final as (
    select
        g.source,
        g.goal_id,
        g.sip_id,
        g.set_at_meeting_id,
        g.area::{{ code_type "goals" "area" }} as area,
        g.responsible_org::{{ code_type "goals" "responsible_org" }} as responsible_org,
        g.target_date,
        case when m.is_valid_held then m.held_date end as set_held_date,
        coalesce(m.has_date_flag, false) as set_meeting_has_date_flag,
        m.period_date as set_period_date
    from staging.stg_goals as g
    inner join sips as s
        on s.source = g.source and s.sip_id = g.sip_id
    left join meetings as m
        on m.source = g.source and m.meeting_id = g.set_at_meeting_id
)

select * from final
