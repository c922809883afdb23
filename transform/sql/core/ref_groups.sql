-- ref_groups: one row per breakdown and group code with its Swedish label,
-- the labels every output shows for kpi_values.group_value. Every breakdown
-- has a group `unknown` ("Uppgift saknas") for units whose value is missing,
-- so the groups of a breakdown always partition the total.
-- inputs: ref_codes, ref_municipalities
with code_breakdowns as (
    select *
    from (
        values
            ('context', 'context'),
            ('target_group', 'target_group'),
            ('sex', 'sex'),
            ('initiated_by', 'initiator'),
            ('org_type', 'initiator'),
            ('mode', 'mode'),
            ('category', 'category'),
            ('reported_by_org', 'org_type'),
            ('concerns_org', 'org_type'),
            ('closure_reason', 'closure_reason'),
            ('care_type', 'care_type'),
            ('respondent', 'respondent')
    ) as t (breakdown, code_list)
),

codes as (
    select
        cb.breakdown,
        rc.code as group_value,
        rc.label as group_label
    from code_breakdowns as cb
    inner join ref_codes as rc
        on rc.code_list = cb.code_list
),

age_bands as (
    select *
    from (
        values
            ('age_band', '0-12', '0–12 år'),
            ('age_band', '13-17', '13–17 år'),
            ('age_band', '18-64', '18–64 år'),
            ('age_band', '65-79', '65–79 år'),
            ('age_band', '80+', '80 år och äldre')
    ) as t (breakdown, group_value, group_label)
),

regions as (
    select distinct
        'region' as breakdown,
        rm.county_code as group_value,
        rm.county_name as group_label
    from ref_municipalities as rm
),

municipalities as (
    select
        'municipality' as breakdown,
        rm.municipality_code as group_value,
        rm.municipality_name as group_label
    from ref_municipalities as rm
),

known as (
    select 'total' as breakdown, '' as group_value, 'Totalt' as group_label
    union all select * from codes
    union all select * from age_bands
    union all select * from regions
    union all select * from municipalities
),

unknowns as (
    select distinct
        k.breakdown,
        'unknown' as group_value,
        'Uppgift saknas' as group_label
    from known as k
    where k.breakdown <> 'total'
        and not exists (
            select 1 from known as k2
            where k2.breakdown = k.breakdown and k2.group_value = 'unknown'
        )
),

final as (
    select * from known
    union all
    select * from unknowns
)

select * from final
