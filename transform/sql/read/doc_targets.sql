-- doc_targets: what a COMMENT ON in sql/docs may name. Grain: one row per
-- table or view of schema main of the open database (target = its name) and
-- one per column of them (target = table.column).
-- inputs: duckdb_tables(), duckdb_views(), duckdb_columns()
with objects as (
    select table_name as object_name
    from duckdb_tables()
    where database_name = current_database() and schema_name = 'main' and not temporary
    union all
    select view_name as object_name
    from duckdb_views()
    where database_name = current_database() and schema_name = 'main' and not temporary and not internal
),

columns as (
    select c.table_name || '.' || c.column_name as target
    from duckdb_columns() as c
    inner join objects as o
        on o.object_name = c.table_name
    where c.database_name = current_database() and c.schema_name = 'main'
),

final as (
    select object_name as target from objects
    union all
    select target from columns
)

select * from final
