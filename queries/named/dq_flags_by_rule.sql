-- description: Data-quality flags (datakvalitetsflaggor) per rule and
--   source: how many rows break each logical rule and how many SIPs they
--   touch. Flagged rows are loaded but left out of the KPIs they would
--   distort; read this next to load_files before trusting a figure.
-- grain: one row per data-quality rule and source (rules without flags included, with 0)
with flags as (
    select
        f.rule_id,
        f.source,
        count(*) as n_rows_flagged,
        count(distinct f.sip_id) as n_sips_affected
    from dq_flags as f
    group by f.rule_id, f.source
),

sources as (
    select ls.source from load_sources as ls
),

final as (
    select
        r.rule_id,
        r.table_name,
        s.source,
        coalesce(f.n_rows_flagged, 0) as n_rows_flagged,
        coalesce(f.n_sips_affected, 0) as n_sips_affected,
        r.description_sv,
        r.description_en
    from dq_rules as r
    cross join sources as s
    left join flags as f
        on f.rule_id = r.rule_id and f.source = s.source
)

select * from final
order by source, n_rows_flagged desc, rule_id
