-- The switch (grain: none), in the transaction that also rebuilds the
-- model: the previous snapshot's tables are dropped and the pending ones
-- committed by the load take their names. Views name tables, so they read
-- the new ones.
{{- range .}}
drop table if exists {{ident .Schema}}.{{ident .Name}};
alter table {{ident .Schema}}.{{ident .Pending}} rename to {{ident .Name}};
{{- end}}
