-- completion_names.sql: the words the shell completes besides SQL keywords.
-- Grain: one row per distinct name: every schema, table, view and column of
-- the open database (temporary objects included, internal ones not, nor
-- the <table>__pending tables a killed load may leave: ingest/switch.go).
with names as (
    select schema_name as name from duckdb_schemas() where database_name = current_database() and not internal
    union
    select table_name as name from duckdb_tables() where not internal and not suffix(table_name, '__pending')
    union
    select view_name as name from duckdb_views() where not internal
    union
    select column_name as name from duckdb_columns() where not internal and not suffix(table_name, '__pending')
),

final as (
    select distinct name from names where name is not null
)

select name from final order by name
