-- has_table.sql: whether a table (or a temp table) of the given name exists.
-- Grain: one row. Parameters: $1 table name.
with found as (
    select count(*) > 0 as present
    from duckdb_tables()
    where table_name = $1
),

final as (
    select present from found
)

select present from final
