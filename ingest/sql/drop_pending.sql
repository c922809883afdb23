-- Drops the pending tables of a load that failed after committing them
-- (grain: none): the database is left as it was before the load.
{{- range .}}
drop table if exists {{ident .Schema}}.{{ident .Pending}};
{{- end}}
