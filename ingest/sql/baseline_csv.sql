-- grain: one row per data line of one CSV file, typed by DuckDB's own reader
-- with explicit column types: the yardstick Load's throughput is compared to.
create schema if not exists baseline;

create or replace table baseline.{{ident .Name}} as
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
        {{lit $c.Name}}: {{lit $c.Type}}
{{- end}}
    }
);
