-- The bookkeeping tables written by ingest, created on the first load.
-- load_sources:  one row per source (the manifest's source).
-- load_files:    one row per source and table delivered.
-- load_rejects:  one row per rejected input row and reason.
-- load_warnings: one row per warning.
create schema if not exists raw;

create table if not exists load_sources (
    source           varchar not null primary key,
    region_code      varchar,
    contract_version varchar not null,
    extracted_at     date not null,
    loaded_at        timestamp not null,
    fingerprint      varchar not null,
    extract_dir      varchar not null
);

create table if not exists load_files (
    source        varchar not null,
    table_name    varchar not null,
    file_name     varchar not null,
    format        varchar not null,
    encoding      varchar not null,
    delimiter     varchar not null,
    rows_read     bigint not null,
    rows_loaded   bigint not null,
    rows_rejected bigint not null
);

create table if not exists load_rejects (
    source      varchar not null,
    table_name  varchar not null,
    file_name   varchar not null,
    line        bigint not null,
    column_name varchar not null,
    reason      varchar not null
);

create table if not exists load_warnings (
    source    varchar not null,
    file_name varchar not null,
    message   varchar not null
);
