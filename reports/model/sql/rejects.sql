-- Rejected rows per file, column and kind of reason. ingest's reasons quote
-- the offending value (a duplicate key, an unknown reference, a bad code),
-- which can be a pseudonym; the report groups by the reason with every
-- quoted value and every token holding a digit masked as "…", so no value
-- of a row reaches it and equal problems add up to one line.
-- Grain: one row per source × file × column × reason kind.
with masked as (
    select
        source,
        table_name,
        file_name,
        coalesce(column_name, '') as column_name,
        regexp_replace(
            regexp_replace(
                regexp_replace(reason, '"[^"]*"', '"…"', 'g'),
                'duplicate key [^ ]+', 'duplicate key …', 'g'),
            '[^ ():,]*[0-9][^ ():,]*', '…', 'g') as reason_kind
    from load_rejects
),

counted as (
    select
        source,
        table_name,
        file_name,
        column_name,
        reason_kind,
        count(*) as rejected_rows
    from masked
    group by all
),

final as (
    select * from counted
)
select * from final
order by source, table_name, rejected_rows desc, column_name, reason_kind
