-- grain: one row if this database holds a built model (its kpi_settings
-- table in main), else none. inputs: the database catalogue. A municipality
-- scope reads the built core models only when they were built as it would
-- build them (scope.go, builtFits).
with final as (
    select table_name
    from duckdb_tables()
    where database_name = current_database()
        and schema_name = 'main'
        and table_name = 'kpi_settings'
)
select * from final
