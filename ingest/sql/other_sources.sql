-- grain: one row per live snapshot table (raw.<table>, load_*) that holds
-- rows of another source than $source: its schema and name. Only those are
-- copied (keep_others.sql): in DuckDB 1.5 an INSERT … SELECT of no rows from
-- another table into a table made in the same transaction hid the rows of
-- a later parallel insert from that transaction's own reads (every sips row
-- of a 200 000-SIP reload was rejected as "not in persons").
{{- $first := true}}
{{- range .}}{{if .Existed}}
{{if not $first}}union all
{{end}}{{$first = false -}}
select {{lit .Schema}} as schema_name, {{lit .Name}} as table_name
where exists (select 1 from {{ident .Schema}}.{{ident .Name}} where source <> $source)
{{- end}}{{end}}
{{- if $first}}
select '' as schema_name, '' as table_name where false
{{- end}}
