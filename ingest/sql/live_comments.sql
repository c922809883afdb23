-- grain: one row per comment (COMMENT ON, written by transform.Build) of a
-- set-aside snapshot table or of one of its columns: schema, the table's
-- usual name, the column ('' for the table), the comment. They are put on
-- the fresh tables (comments.sql), so a load without a transform keeps the
-- documentation of raw.* and load_*.
with live as (
    select schema_name, table_name, '' as column_name, comment
    from duckdb_tables()
    where database_name = current_database()
        and schema_name in ('raw', 'main')
        and suffix(table_name, '__live')
        and comment is not null and comment <> ''
    union all
    select schema_name, table_name, column_name, comment
    from duckdb_columns()
    where database_name = current_database()
        and schema_name in ('raw', 'main')
        and suffix(table_name, '__live')
        and comment is not null and comment <> ''
),
final as (
    select schema_name, left(table_name, length(table_name) - length('__live')) as table_name, column_name, comment
    from live
)
select * from final order by all
