-- docs/load.sql: COMMENT ON ingest's load tables (load_*) of schema main and
-- their columns, Swedish term first; Build documents them with the rest of
-- main. Grain: one statement per table or column.


-- load_files
comment on table load_files is 'Inlästa filer: one row per source and table delivered: rows read, loaded and rejected.';
comment on column load_files.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column load_files.table_name is 'Tabell: the contract table the file holds.';
comment on column load_files.file_name is 'Filnamn in the extract.';
comment on column load_files.format is 'Filformat: csv, xlsx or parquet.';
comment on column load_files.encoding is 'Teckenkodning detected (utf-8, windows-1252, …).';
comment on column load_files.delimiter is 'Avgränsare (CSV delimiter).';
comment on column load_files.rows_read is 'Lästa rader.';
comment on column load_files.rows_loaded is 'Inlästa rader.';
comment on column load_files.rows_rejected is 'Avvisade rader.';

-- load_rejects
comment on table load_rejects is 'Avvisade rader: one row per rejected input row and reason (file, line, column).';
comment on column load_rejects.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column load_rejects.table_name is 'Tabell: the contract table of the rejected row.';
comment on column load_rejects.file_name is 'Filnamn in the extract.';
comment on column load_rejects.line is 'Rad i filen (1-based; header = 1; for XLSX the sheet row).';
comment on column load_rejects.column_name is 'Kolumn the rejection is about.';
comment on column load_rejects.reason is 'Orsak: why the row was rejected.';

-- load_sources
comment on table load_sources is 'Inläsningar: one row per source (leverantör/extrakt) loaded, with its as-of date (extracted_at).';
comment on column load_sources.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column load_sources.region_code is 'Länskod of the extract''s region (manifest region_code).';
comment on column load_sources.contract_version is 'Version of the data contract the extract declares.';
comment on column load_sources.extracted_at is 'Uttagsdatum: the as-of date of the extract the row came from (load_sources.extracted_at).';
comment on column load_sources.loaded_at is 'Inläst: when the load ran (UTC).';
comment on column load_sources.fingerprint is 'Fingeravtryck: hash of the extract''s files (a repeated load is recognised).';
comment on column load_sources.extract_dir is 'Katalog the extract was loaded from.';

-- load_warnings
comment on table load_warnings is 'Varningar vid inläsning: one row per warning (such as columns outside the contract, which are ignored).';
comment on column load_warnings.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column load_warnings.file_name is 'Filnamn in the extract.';
comment on column load_warnings.message is 'Meddelande: the warning text.';
