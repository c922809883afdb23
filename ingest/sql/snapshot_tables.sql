-- grain: one row per table of schema raw or main that exists: schema and
-- name. inputs: duckdb_tables(). Which of a snapshot's tables (raw.<table>,
-- load_*) a load sets aside, and which leftovers of a killed load it drops.
select schema_name, table_name
from duckdb_tables()
where database_name = current_database()
    and schema_name in ('raw', 'main');
