-- kpi_labels rows of the groups of every breakdown (kind group:<breakdown>):
-- the total's one group, the contract's code lists (English: the code in
-- words), SCB's counties and municipalities, and a group `unknown` ("Uppgift
-- saknas") for every breakdown whose code list has none, so the groups of a
-- breakdown always partition the total. The age bands come from catalog.toml.
-- inputs: ref_codes, ref_municipalities, kpi_labels (the breakdowns)
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
        'group:' || cb.breakdown as kind,
        rc.code,
        rc.label as label_sv,
        upper(rc.code[1]) || replace(rc.code[2:], '_', ' ') as label_en
    from code_breakdowns as cb
    inner join ref_codes as rc
        on rc.code_list = cb.code_list
),

regions as (
    select distinct
        'group:region' as kind,
        rm.county_code as code,
        rm.county_name as label_sv,
        rm.county_name as label_en
    from ref_municipalities as rm
),

municipalities as (
    select
        'group:municipality' as kind,
        rm.municipality_code as code,
        rm.municipality_name as label_sv,
        rm.municipality_name as label_en
    from ref_municipalities as rm
),

known as (
    select 'group:total' as kind, '' as code, 'Totalt' as label_sv, 'Total' as label_en
    union all select * from codes
    union all select * from regions
    union all select * from municipalities
    union all select kl.kind, kl.code, kl.label_sv, kl.label_en from kpi_labels as kl where kl.kind like 'group:%'
),

unknowns as (
    select
        'group:' || kl.code as kind,
        'unknown' as code,
        'Uppgift saknas' as label_sv,
        'Unknown' as label_en
    from kpi_labels as kl
    where kl.kind = 'breakdown'
        and kl.code <> 'total'
        and not exists (
            select 1 from known as k2
            where k2.kind = 'group:' || kl.code and k2.code = 'unknown'
        )
),

final as (
    select * from known where kind not in (select distinct kind from kpi_labels)
    union all
    select * from unknowns
)

insert into kpi_labels select * from final
