-- attendance family: one row per period × KPI × breakdown × group for
-- meetings_held, summoned_attendance_share, summoned_absent_share,
-- invited_attendance_share, attendance_gap_by_org.
-- Units: meetings validly held in the period (by held_date); their
-- participants. A meeting with a flagged date counts as excluded in the
-- period of its held_date (else planned_date).
-- inputs: meetings, participants (core), kpi_period_days
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
        m.is_valid_held
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
        count(*) filter (where u.is_valid_held) as held,
        count(*) filter (where not u.is_valid_held) as excluded
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

participant_units as (
    select
        p.period,
        coalesce(pa.region_code, 'unknown') as region_code,
        coalesce(pa.municipality_code, 'unknown') as municipality_code,
        coalesce(pa.context, 'unknown') as context,
        coalesce(pa.target_group, 'unknown') as target_group,
        coalesce(pa.age_band, 'unknown') as age_band,
        coalesce(pa.sex, 'unknown') as sex,
        coalesce(pa.mode, 'unknown') as mode,
        coalesce(pa.org_type, 'unknown') as org_type,
        pa.role,
        pa.attendance,
        not pa.is_valid_held or pa.attendance is null as is_excluded
    from participants as pa
    inner join kpi_period_days as p
        on p.day = pa.period_date
    where pa.is_held
),

participant_agg as materialized (
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
            when grouping(u.org_type) = 0 then 'org_type'
            else 'total'
        end as breakdown,
        coalesce(u.region_code, u.municipality_code, u.context, u.target_group, u.age_band, u.sex, u.mode, u.org_type, '') as group_value,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded) as summoned,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance in ('attended', 'substitute')) as summoned_attended,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'absent') as summoned_absent,
        count(*) filter (where u.role = 'summoned' and u.is_excluded) as summoned_excluded,
        count(*) filter (where u.role = 'invited' and not u.is_excluded) as invited,
        count(*) filter (where u.role = 'invited' and not u.is_excluded and u.attendance in ('attended', 'substitute')) as invited_attended,
        count(*) filter (where u.role = 'invited' and u.is_excluded) as invited_excluded
    from participant_units as u
    group by grouping sets (
        (u.period),
        (u.period, u.region_code),
        (u.period, u.municipality_code),
        (u.period, u.context),
        (u.period, u.target_group),
        (u.period, u.age_band),
        (u.period, u.sex),
        (u.period, u.mode),
        (u.period, u.org_type)
    )
),

final as (
    select period, 'meetings_held' as kpi_id, breakdown, group_value,
        held::double as value, null::double as numerator, null::double as denominator,
        held as n, excluded
    from meeting_agg
    union all
    select period, 'summoned_attendance_share', breakdown, group_value,
        case when summoned > 0 then summoned_attended / summoned end,
        summoned_attended, summoned, summoned, summoned_excluded
    from participant_agg
    union all
    select period, 'summoned_absent_share', breakdown, group_value,
        case when summoned > 0 then summoned_absent / summoned end,
        summoned_absent, summoned, summoned, summoned_excluded
    from participant_agg
    union all
    select period, 'invited_attendance_share', breakdown, group_value,
        case when invited > 0 then invited_attended / invited end,
        invited_attended, invited, invited, invited_excluded
    from participant_agg
    union all
    select period, 'attendance_gap_by_org', breakdown, group_value,
        case when summoned > 0 then (summoned - summoned_attended) / summoned end,
        summoned - summoned_attended, summoned, summoned, summoned_excluded
    from participant_agg
)

select * from final
