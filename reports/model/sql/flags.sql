-- Data-quality flags per rule over all sources: rows that were loaded but
-- break a logical rule. Only counts leave here (dq_flags holds row keys).
-- Grain: one row per rule (a rule no row breaks has 0).
with flag_counts as (
    select
        rule_id,
        count(*) as flagged_rows
    from dq_flags
    group by rule_id
),

final as (
    select
        dq_rules.rule_id,
        dq_rules.table_name,
        dq_rules.description_sv,
        dq_rules.description_en,
        coalesce(flag_counts.flagged_rows, 0) as flagged_rows
    from dq_rules
    left join flag_counts on flag_counts.rule_id = dq_rules.rule_id
)
select * from final
order by flagged_rows desc, rule_id
