-- Copies the other sources' rows into the fresh snapshot tables (grain: one
-- row per row of another source than $source in raw.<table> and load_*):
-- an extract replaces its own source's rows only. Only tables that hold
-- such rows (other_sources.sql).
{{- range .}}{{if .Others}}
insert into {{ident .Schema}}.{{ident .Name}} by name
select * from {{ident .Schema}}.{{ident .Live}} where source <> $source;
{{- end}}{{end}}
