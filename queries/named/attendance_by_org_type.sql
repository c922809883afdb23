-- description: Attendance gaps by organisation type (närvarogap per
--   verksamhet): of the parties summoned (kallade) to SIP meetings held in
--   each quarter, how many came or sent a substitute and how many stayed
--   away, and the same for those invited (inbjudna). Units as in the KPIs
--   summoned_attendance_share, summoned_absent_share and
--   attendance_gap_by_org: participants of meetings validly held (by held
--   date); a participant with blank attendance is left out (n_excluded).
-- grain: one row per quarter (of held_date) and org type with at least one participant
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: summoned_attendance_share by n_summoned; summoned_absent_share by n_summoned; invited_attendance_share by n_invited
with units as (
    select
        q.quarter,
        pa.org_type,
        pa.role,
        pa.attendance,
        not pa.is_valid_held or pa.attendance is null as is_excluded
    from participants as pa
    inner join analysis_window_quarters($quarters) as q
        on pa.period_date between q.quarter_start and q.quarter_end
    where pa.is_held
),

aggregated as (
    select
        u.quarter,
        u.org_type,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded) as n_summoned,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'attended') as n_summoned_attended,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'substitute') as n_summoned_substitute,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'absent_notified') as n_summoned_absent_notified,
        count(*) filter (where u.role = 'summoned' and not u.is_excluded and u.attendance = 'absent') as n_summoned_absent,
        count(*) filter (where u.role = 'invited' and not u.is_excluded) as n_invited,
        count(*) filter (where u.role = 'invited' and not u.is_excluded and u.attendance in ('attended', 'substitute')) as n_invited_came,
        count(*) filter (where u.is_excluded) as n_excluded
    from units as u
    group by u.quarter, u.org_type
),

final as (
    select
        a.quarter,
        a.org_type,
        coalesce(o.label, a.org_type) as org_label,
        o.principal,
        a.n_summoned,
        a.n_summoned_attended,
        a.n_summoned_substitute,
        a.n_summoned_absent_notified,
        a.n_summoned_absent,
        case when a.n_summoned > 0 then (a.n_summoned_attended + a.n_summoned_substitute) / a.n_summoned end as summoned_attendance_share,
        case when a.n_summoned > 0 then a.n_summoned_absent / a.n_summoned end as summoned_absent_share,
        a.n_invited,
        a.n_invited_came,
        case when a.n_invited > 0 then a.n_invited_came / a.n_invited end as invited_attendance_share,
        a.n_excluded
    from aggregated as a
    left join ref_org_types as o
        on o.org_type = a.org_type
)

select * from final
order by quarter, org_type
