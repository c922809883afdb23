-- grain: one row per table of $source as loaded, for an unchanged reload's summary.
select table_name, file_name, format, encoding, delimiter, rows_read, rows_loaded, rows_rejected
from load_files
where source = $source
order by table_name;
