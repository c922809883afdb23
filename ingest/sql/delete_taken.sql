-- grain: the rows of raw.{{.Table}} the one-pass insert wrote that are taken
-- back: those of $source whose key is in {{.Suspects}}, and those marked as
-- having a cell problem ($rejected_source: their keys are suspects too,
-- unless a key cell has no typed value); the exact way's checks read them
-- again with their lines (stage_taken.sql), and those that pass are written
-- again.
delete from raw.{{ident .Table}} as written
using {{ident .Suspects}} as suspect
where (written.source = $source or written.source = $rejected_source)
{{- range .Key}}
    and written.{{ident .}} = suspect.{{ident .}}
{{- end}};

delete from raw.{{ident .Table}} as written
where written.source = $rejected_source;
