-- grain: one row per data line of one UTF-8 CSV file, every column as text,
-- read where it is used (a view: nothing is stored). A clean file is
-- checked and written from this view without staging; __line is unknown
-- (null) here: a file with a problem is staged (stage_csv.sql) to name
-- the lines. The dialect is the same as stage_csv.sql's; the path and
-- delimiter are quoted as literals since a view takes no parameters.
create or replace temp view {{ident .Direct}} as
select cast(null as bigint) as __line, file_rows.*
from read_csv(
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
) as file_rows;
