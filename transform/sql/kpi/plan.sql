-- plan family: one row per period × KPI × breakdown × group for
-- plan_complete_share and long_term_goal_share.
-- Units: SIPs by the held date of their initial meeting (SIPs whose held
-- initial meeting has a flagged date are excluded in the period of that
-- date).
-- inputs: sips, meetings, interventions (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $sip := breakdowns "plan_complete_share" "long_term_goal_share" }}
with intervention_principals as (
    select
        i.source,
        i.sip_id,
        bool_or(i.principal = 'municipality') as has_municipal,
        bool_or(i.principal = 'region') as has_region
    from interventions as i
    group by i.source, i.sip_id
),

sip_units as (
    select {{ $sip.PeriodColumns "s" }},
        s.has_flagged_initial as is_excluded,
        coalesce(ip.has_municipal, false)
            and coalesce(ip.has_region, false)
            and s.lead_org is not null
            and m.next_follow_up_date is not null as is_complete,
        coalesce(s.has_long_term_goal, false) as has_long_term_goal
    from sips as s
    inner join kpi_period_days as p on p.day = coalesce(s.initial_held_date, s.flagged_initial_date)
    left join meetings as m
        on m.source = s.source and m.meeting_id = s.initial_meeting_id
    left join intervention_principals as ip
        on ip.source = s.source and ip.sip_id = s.sip_id
    where s.initial_held_date is not null or s.has_flagged_initial
),

sip_agg as materialized (
    select {{ $sip.PeriodLabel "u" }},
        count(*) filter (where not u.is_excluded) as plans,
        count(*) filter (where not u.is_excluded and u.is_complete) as complete,
        count(*) filter (where not u.is_excluded and u.has_long_term_goal) as long_term,
        count(*) filter (where u.is_excluded) as excluded
    from sip_units as u
    {{ $sip.GroupBy "u" "period" }}
),

final as (
    {{ share "plan_complete_share" "complete" "plans" "excluded" "sip_agg" }}
    union all {{ share "long_term_goal_share" "long_term" "plans" "excluded" "sip_agg" }}
)

select * from final
