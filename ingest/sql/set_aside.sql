-- Sets the live snapshot's tables aside inside the load's transaction
-- (grain: none): each existing raw.<table> and load_* table is renamed to
-- its __live name, so the load writes fresh tables of the usual names.
-- Dropped first: the pending tables a killed load committed and never
-- switched in (readers never read them).
{{- template "drop_pending.sql" .}}
{{- range .}}{{if .Existed}}
alter table {{ident .Schema}}.{{ident .Name}} rename to {{ident .Live}};
{{- end}}{{end}}
