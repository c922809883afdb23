-- completion_names.sql: the words the shell completes besides SQL keywords.
-- Grain: one row per distinct name: every schema, table, view and column of
-- the open database (temporary objects included, internal ones not).
with names as (
    select schema_name as name from duckdb_schemas() where database_name = current_database() and not internal
    union
    select table_name as name from duckdb_tables() where not internal
    union
    select view_name as name from duckdb_views() where not internal
    union
    select column_name as name from duckdb_columns() where not internal
),

final as (
    select distinct name from names where name is not null
)

select name from final order by name
