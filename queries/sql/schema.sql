-- schema.sql: the documented model, for `sipstat schema` and docs/schema.md.
-- Grain: one row per column of a table or view in the schemas listed in
-- $schemas (comma-separated, e.g. 'main'), of the open database only.
-- Comments come from COMMENT ON (transform/sql/docs, applied by transform.Build).
-- Not the <table>__pending tables a killed load may leave (ingest/switch.go):
-- nobody reads them, and the next load drops them.
with objects as (
    select schema_name, table_name as object_name, 'table' as object_kind, comment as object_comment
    from duckdb_tables()
    where database_name = current_database() and not internal and not temporary
        and not suffix(table_name, '__pending')
    union all
    select schema_name, view_name as object_name, 'view' as object_kind, comment as object_comment
    from duckdb_views()
    where database_name = current_database() and not internal and not temporary
),

columns as (
    select schema_name, table_name, column_name, column_index, data_type, is_nullable, comment
    from duckdb_columns()
    where database_name = current_database() and not internal
),

final as (
    select
        o.schema_name,
        o.object_name,
        o.object_kind,
        coalesce(o.object_comment, '') as object_comment,
        c.column_name,
        c.column_index,
        c.data_type,
        c.is_nullable,
        coalesce(c.comment, '') as column_comment
    from objects as o
    inner join columns as c
        on c.schema_name = o.schema_name and c.table_name = o.object_name
    where list_contains(string_split($schemas::varchar, ','), o.schema_name)
)

select
    schema_name, object_name, object_kind, object_comment,
    column_name, data_type, is_nullable, column_comment
from final
order by schema_name, object_name, column_index
