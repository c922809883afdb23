-- grain: one row for one table delivered in this load.
insert into load_files (source, table_name, file_name, format, encoding, delimiter, rows_read, rows_loaded, rows_rejected)
values ($source, $table_name, $file_name, $format, $encoding, $delimiter, $rows_read, $rows_loaded, $rows_rejected);
