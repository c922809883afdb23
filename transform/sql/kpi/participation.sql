-- participation family: one row per period × KPI × breakdown × group for
-- individual_present_share, individual_represented_share,
-- child_present_share.
-- Units: meetings held in the period (by held_date; a meeting with a flagged
-- date is excluded in the period of held_date, else planned_date).
-- inputs: meetings (core), kpi_period_days
with meeting_units as (
    select
        p.period,
        coalesce(m.region_code, 'unknown') as region_code,
        coalesce(m.municipality_code, 'unknown') as municipality_code,
        coalesce(m.context, 'unknown') as context,
        coalesce(m.target_group, 'unknown') as target_group,
        coalesce(m.age_band, 'unknown') as age_band,
        coalesce(m.sex, 'unknown') as sex,
        coalesce(m.mode, 'unknown') as mode,
        m.is_valid_held,
        m.individual_participation,
        m.is_child,
        m.child_participation
    from meetings as m
    inner join kpi_period_days as p
        on p.day = m.period_date
    where m.is_held
),

meeting_agg as materialized (
    select
        u.period,
        case
            when grouping(u.region_code) = 0 then 'region'
            when grouping(u.municipality_code) = 0 then 'municipality'
            when grouping(u.context) = 0 then 'context'
            when grouping(u.target_group) = 0 then 'target_group'
            when grouping(u.age_band) = 0 then 'age_band'
            when grouping(u.sex) = 0 then 'sex'
            when grouping(u.mode) = 0 then 'mode'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, u.context, u.target_group, u.age_band, u.sex, u.mode, '') as group_value,
        count(*) filter (where u.is_valid_held and u.individual_participation is not null) as with_participation,
        count(*) filter (where u.is_valid_held and u.individual_participation = 'present') as present,
        count(*) filter (where u.is_valid_held and u.individual_participation = 'represented') as represented,
        count(*) filter (where not u.is_valid_held or u.individual_participation is null) as excluded,
        count(*) filter (where u.is_valid_held and u.is_child and u.child_participation in ('present', 'absent')) as child_units,
        count(*) filter (where u.is_valid_held and u.is_child and u.child_participation = 'present') as child_present,
        count(*) filter (where not u.is_valid_held and u.is_child and u.child_participation in ('present', 'absent')) as child_excluded
    from meeting_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code),
        (u.period, u.context),
        (u.period, u.target_group),
        (u.period, u.age_band),
        (u.period, u.sex),
        (u.period, u.mode)
    )
),

final as (
    select period, 'individual_present_share' as kpi_id, breakdown, group_value,
        case when with_participation > 0 then present / with_participation end as value,
        present::double as numerator, with_participation::double as denominator,
        with_participation as n, excluded
    from meeting_agg
    union all
    select period, 'individual_represented_share', breakdown, group_value,
        case when with_participation > 0 then represented / with_participation end,
        represented, with_participation, with_participation, excluded
    from meeting_agg
    union all
    select period, 'child_present_share', breakdown, group_value,
        case when child_units > 0 then child_present / child_units end,
        child_present, child_units, child_units, child_excluded
    from meeting_agg
)

select * from final
