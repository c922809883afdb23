-- grain: one row: 1 when the database has ingest's load_sources table (a
-- load has been committed before), else 0.
select count(*)
from duckdb_tables()
where database_name = current_database()
    and schema_name = 'main'
    and table_name = 'load_sources';
