-- grain: one row per data line of one UTF-8 CSV file, every column as text,
-- read where it is used (a view: nothing is stored). A clean file is
-- checked and written from this view without staging; __line is unknown
-- (null) here: a file with a problem is staged (stage_csv.sql) to name
-- the lines. The dialect (read_csv, below) is stage_csv.sql's too.
create or replace temp view {{ident .Direct}} as
select cast(null as bigint) as __line, file_rows.*
from {{template "read_csv" .}} as file_rows;

{{/* The dialect of every CSV file DuckDB reads, here and in
stage_csv.sql (and what recordCounter counts records of): quote and escape
", no sniffing, every column text, in the header's order. The path and
delimiter are quoted as literals since a view takes no parameters. */ -}}
{{define "read_csv"}}read_csv(
    {{lit .Path}},
    header = true,
    delim = {{lit .Delimiter}},
    quote = '"',
    escape = '"',
    auto_detect = false,
    columns = {
{{- range $i, $c := .Columns}}{{if $i}},{{end}}
        {{lit $c}}: 'VARCHAR'
{{- end}}
    }
){{end}}