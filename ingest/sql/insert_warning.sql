-- grain: one row for one warning of this load.
insert into load_warnings (source, file_name, message)
values ($source, $file_name, $message);
