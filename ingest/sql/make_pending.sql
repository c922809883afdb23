-- Ends the load's transaction's writes (grain: none): the new snapshot's
-- tables become __pending, the live ones get their names back. Committed
-- so, readers still see the previous snapshot; switch.sql puts the new one
-- in place.
{{- range .}}
alter table {{ident .Schema}}.{{ident .Name}} rename to {{ident .Pending}};
{{- if .Existed}}
alter table {{ident .Schema}}.{{ident .Live}} rename to {{ident .Name}};
{{- end}}{{end}}
