-- Rows read, loaded and rejected per delivered file.
-- Grain: one row per source × table delivered.
with final as (
    select
        source,
        table_name,
        file_name,
        format,
        rows_read,
        rows_loaded,
        rows_rejected
    from load_files
)
select * from final
order by source, table_name
