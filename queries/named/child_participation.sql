-- description: Children's participation in their own SIP meetings (barnets
--   delaktighet): of the meetings held for a child (under 18 at the meeting)
--   in each quarter, in how many the child was present, absent, or not
--   recorded, by age band; and how often the individual (or a
--   representative) took part at all. Units as in the KPI
--   child_present_share: meetings validly held whose child_participation is
--   present or absent (n_asked).
-- grain: one row per quarter (of held_date) and age band (0-12, 13-17)
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: child_present_share by n_asked; individual_present_share by n_meetings
with params as (
    select
        as_of,
        date_trunc('quarter', as_of)::date - to_months(3 * ($quarters::integer - 1)) as from_date
    from (select max(ls.extracted_at) as as_of from load_sources as ls)
),

units as (
    select
        year(m.held_date)::varchar || 'Q' || quarter(m.held_date)::varchar as quarter,
        m.age_band,
        m.child_participation,
        m.individual_participation
    from meetings as m
    cross join params as p
    where m.is_valid_held
        and m.is_child
        and m.held_date >= p.from_date
        and m.held_date <= p.as_of
),

final as (
    select
        u.quarter,
        u.age_band,
        count(*) as n_meetings,
        count(*) filter (where u.child_participation in ('present', 'absent')) as n_asked,
        count(*) filter (where u.child_participation = 'present') as n_child_present,
        count(*) filter (where u.child_participation = 'absent') as n_child_absent,
        count(*) filter (where u.child_participation is null or u.child_participation = 'not_applicable') as n_not_recorded,
        count(*) filter (where u.child_participation = 'present')
            / nullif(count(*) filter (where u.child_participation in ('present', 'absent')), 0) as child_present_share,
        count(*) filter (where u.individual_participation = 'present') / count(*) as individual_present_share
    from units as u
    group by u.quarter, u.age_band
)

select * from final
order by quarter, age_band
