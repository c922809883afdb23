-- kpi_reference for a municipality scope: the region's values from the built
-- kpi_values, keyed like the scope's rows. The scope's total, region and
-- municipality rows get the value of the municipality's region (county); its
-- other breakdowns (context, age_band, org_type …) get the built row of the
-- same breakdown and group, which is the region's own only when the
-- database holds that one region. Only when the built values have the
-- scope's as-of date (else there is no reference).
-- inputs: main.kpi_values, main.kpi_settings, ref_municipalities, kpi_params
with params as (
    select * from kpi_params
),

scope as (
    select rm.municipality_code, rm.county_code
    from ref_municipalities as rm
    cross join params
    where rm.municipality_code = params.municipality_code
),

built as (
    -- The built values, when they were computed as of the scope's date.
    select v.*
    from main.kpi_values as v
    cross join params
    where (select try_cast(ks.value as date) from main.kpi_settings as ks where ks.key = 'as_of') = params.as_of
),

regions_built as (
    select count(distinct b.group_value) as n
    from built as b
    where b.breakdown = 'region' and b.kpi_id = 'needs_detected'
),

region_rows as (
    select b.period, b.kpi_id, b.value, s.municipality_code, s.county_code
    from built as b
    inner join scope as s
        on b.breakdown = 'region' and b.group_value = s.county_code
),

final as (
    select r.period, r.kpi_id, 'total' as breakdown, '' as group_value, r.value from region_rows as r
    union all
    select r.period, r.kpi_id, 'region', r.county_code, r.value from region_rows as r
    union all
    select r.period, r.kpi_id, 'municipality', r.municipality_code, r.value from region_rows as r
    union all
    select b.period, b.kpi_id, b.breakdown, b.group_value, b.value
    from built as b
    where b.breakdown not in ('total', 'region', 'municipality')
        and (select rb.n from regions_built as rb) = 1
        and exists (
            select 1 from built as b2 cross join scope as s
            where b2.breakdown = 'region' and b2.kpi_id = 'needs_detected' and b2.group_value = s.county_code
        )
)

insert into kpi_reference select * from final
