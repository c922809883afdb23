-- participation family: one row per period × KPI × breakdown × group for
-- individual_present_share, individual_represented_share,
-- child_present_share.
-- Units: meetings held in the period (by held_date; a meeting with a flagged
-- date is excluded in the period of held_date, else planned_date).
-- inputs: meetings (core), kpi_period_days
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $meeting := breakdowns "individual_present_share" "individual_represented_share" "child_present_share" }}
with meeting_units as (
    select {{ $meeting.PeriodColumns "m" }},
        m.is_valid_held,
        m.individual_participation,
        m.is_child,
        m.child_participation
    from meetings as m
    inner join kpi_period_days as p on p.day = m.period_date
    where m.is_held
),

meeting_agg as materialized (
    select {{ $meeting.PeriodLabel "u" }},
        count(*) filter (where u.is_valid_held and u.individual_participation is not null) as with_participation,
        count(*) filter (where u.is_valid_held and u.individual_participation = 'present') as present,
        count(*) filter (where u.is_valid_held and u.individual_participation = 'represented') as represented,
        count(*) filter (where not u.is_valid_held or u.individual_participation is null) as excluded,
        count(*) filter (where u.is_valid_held and u.is_child and u.child_participation in ('present', 'absent')) as child_units,
        count(*) filter (where u.is_valid_held and u.is_child and u.child_participation = 'present') as child_present,
        count(*) filter (where not u.is_valid_held and u.is_child and u.child_participation in ('present', 'absent')) as child_excluded
    from meeting_units as u
    {{ $meeting.GroupBy "u" "period" }}
),

final as (
    {{ share "individual_present_share" "present" "with_participation" "excluded" "meeting_agg" }}
    union all {{ share "individual_represented_share" "represented" "with_participation" "excluded" "meeting_agg" }}
    union all {{ share "child_present_share" "child_present" "child_units" "child_excluded" "meeting_agg" }}
)

select * from final
