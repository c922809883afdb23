-- grain: one row per table of the raw schema and per load_* table in main.
-- inputs: the database catalogue. Build checks that ingest has created
-- every table it reads (ingest creates all raw.* tables on the first load,
-- empty where a table was not delivered).
with final as (
    select schema_name || '.' || table_name as table_name
    from duckdb_tables()
    where (schema_name = 'raw')
        or (schema_name = 'main' and table_name in ('load_sources', 'load_files'))
)
select * from final
