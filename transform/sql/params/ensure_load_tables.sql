-- The load tables ingest writes (docs/architecture.md), created empty if a
-- database has never been loaded, so Build runs on any database.
create table if not exists load_sources (
    source varchar,
    region_code varchar,
    contract_version varchar,
    extracted_at date,
    loaded_at timestamp,
    fingerprint varchar,
    extract_dir varchar
);
create table if not exists load_files (
    source varchar,
    table_name varchar,
    file_name varchar,
    format varchar,
    encoding varchar,
    delimiter varchar,
    rows_read bigint,
    rows_loaded bigint,
    rows_rejected bigint
);
