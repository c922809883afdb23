-- Rejected rows per file, column and reason (no line numbers or values: the
-- report shows counts only).
-- Grain: one row per source × file × column × reason.
with counted as (
    select
        source,
        table_name,
        file_name,
        coalesce(column_name, '') as column_name,
        reason,
        count(*) as rejected_rows
    from load_rejects
    group by all
),

final as (
    select * from counted
)
select * from final
order by source, table_name, rejected_rows desc, column_name, reason
