-- dq_summary: one row per data-quality rule and source with the number of
-- rows flagged (0 for a rule no row breaks).
-- inputs: dq_rules, dq_flags, load_sources
with counts as (
    select f.rule_id, f.source, count(*) as rows_flagged
    from dq_flags as f
    group by f.rule_id, f.source
),

final as (
    select
        r.rule_id,
        r.table_name,
        ls.source,
        coalesce(c.rows_flagged, 0) as rows_flagged,
        r.description_sv,
        r.description_en
    from dq_rules as r
    cross join load_sources as ls
    left join counts as c
        on c.rule_id = r.rule_id and c.source = ls.source
)

select * from final
