-- description: What each load delivered: rows read, loaded and rejected per
--   source and file, with the extract's as-of date. Start here before trusting
--   any figure.
-- grain: one row per source and table delivered
-- param: source (string, default null) only this source (load_sources.source); null = all
with sources as (
    select source, region_code, extracted_at, loaded_at
    from load_sources
    where $source::varchar is null or source = $source::varchar
),

final as (
    select
        f.source,
        s.region_code,
        s.extracted_at,
        cast(s.loaded_at as date) as loaded_date,
        f.table_name,
        f.file_name,
        f.format,
        f.rows_read as n_rows_read,
        f.rows_loaded as n_rows_loaded,
        f.rows_rejected as n_rows_rejected,
        f.rows_read = f.rows_loaded + f.rows_rejected as reconciles
    from load_files as f
    inner join sources as s on s.source = f.source
)

select * from final
order by source, table_name
