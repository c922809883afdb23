-- description: Children's participation in their own SIP meetings (barnets
--   delaktighet): of the meetings held for a child (under 18 at the meeting)
--   in each quarter, in how many the child was present, absent, or not
--   recorded, by age band; and how often the individual (or a
--   representative) took part at all. Read from kpi_values (the KPIs
--   child_present_share and individual_present_share by age band), so the
--   figures are the workbook's; units as there: meetings validly held,
--   n_asked those whose child_participation is present or absent.
--   preliminary: the quarter's figures can still change (kpis.md).
-- grain: one row per quarter (of held_date) and age band under 18 (0-12, 13-17) with a meeting held
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter
-- suppress: child_present_share by n_asked; individual_present_share by n_meetings
with kpi as (
    select
        v.period,
        v.group_value as age_band,
        v.kpi_id,
        v.value,
        v.numerator::bigint as numerator,
        v.denominator::bigint as denominator,
        v.preliminary
    from analysis_window_kpi_values($quarters) as v
    where v.kpi_id in ('child_present_share', 'individual_present_share')
        and v.breakdown = 'age_band'
        -- The age bands under 18 (kpis.md): a child's meetings.
        and v.group_value in ('0-12', '13-17')
),

by_band as (
    select
        k.period as quarter,
        k.age_band,
        any_value(k.denominator) filter (where k.kpi_id = 'individual_present_share') as n_meetings,
        any_value(k.denominator) filter (where k.kpi_id = 'child_present_share') as n_asked,
        any_value(k.numerator) filter (where k.kpi_id = 'child_present_share') as n_child_present,
        any_value(k.value) filter (where k.kpi_id = 'child_present_share') as child_present_share,
        any_value(k.value) filter (where k.kpi_id = 'individual_present_share') as individual_present_share,
        bool_or(k.preliminary) as preliminary
    from kpi as k
    group by k.period, k.age_band
),

final as (
    select
        b.quarter,
        b.age_band,
        b.n_meetings,
        b.n_asked,
        b.n_child_present,
        b.n_asked - b.n_child_present as n_child_absent,
        b.n_meetings - b.n_asked as n_not_recorded,
        b.child_present_share,
        b.individual_present_share,
        b.preliminary
    from by_band as b
    where b.n_meetings > 0
)

select * from final
order by quarter, age_band
