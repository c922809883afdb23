-- grain: one row per data line of one CSV file, every column as text (the
-- dialect is known: no sniffing, so a row with too many fields is an error
-- naming its line rather than a silently wider table), in file
-- order: the line number is the row's position + 2 (the header is line 1);
-- rows created in an open transaction get rowids from a high base, hence
-- the subtraction of the first one.
create or replace temp table {{ident .File}} as
select *
from read_csv(
    $path,
    header = true,
    delim = $delim,
    quote = '"',
    escape = '"',
    auto_detect = false,
    columns = {
{{- range $i, $c := .Columns}}{{if $i}},{{end}}
        {{lit $c}}: 'VARCHAR'
{{- end}}
    }
);

create or replace temp view {{ident .Stage}} as
select cast(file_rows.rowid - first_row.rowid + 2 as bigint) as __line, file_rows.*
from {{ident .File}} as file_rows, (select min(rowid) as rowid from {{ident .File}}) as first_row;
