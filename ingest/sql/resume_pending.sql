-- Opens the load's second transaction's writes (grain: none): the new
-- snapshot's tables, committed as __pending by the first, take the usual
-- names again and the live ones are set aside under their __live names, as
-- in the first transaction, so the checks and the rows they take back read
-- and write raw.<table> and load_*. make_pending.sql undoes it before the
-- commit.
{{- range .}}
{{- if .Existed}}
alter table {{ident .Schema}}.{{ident .Name}} rename to {{ident .Live}};
{{- end}}
alter table {{ident .Schema}}.{{ident .Pending}} rename to {{ident .Name}};
{{- end}}
