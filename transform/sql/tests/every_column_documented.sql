-- every_column_documented: the tables, views and columns of schema main that
-- have no comment (sql/docs documents them all, Build applies it).
-- Grain: one row per undocumented table, view or column (target = name or
-- table.column). inputs: duckdb_tables(), duckdb_views(), duckdb_columns()
with objects as (
    select table_name as object_name, comment
    from duckdb_tables()
    where database_name = current_database() and schema_name = 'main' and not temporary
    union all
    select view_name as object_name, comment
    from duckdb_views()
    where database_name = current_database() and schema_name = 'main' and not temporary and not internal
),

columns as (
    select c.table_name || '.' || c.column_name as target, c.comment
    from duckdb_columns() as c
    inner join objects as o
        on o.object_name = c.table_name
    where c.database_name = current_database() and c.schema_name = 'main'
),

final as (
    select object_name as target from objects where trim(coalesce(comment, '')) = ''
    union all
    select target from columns where trim(coalesce(comment, '')) = ''
)

select * from final
order by target
