-- grain: the rows of $source in raw.{{.Table}} (written by this load's
-- one-pass insert) whose key is in {{.Suspects}}: taken back, to be checked
-- the exact way with their lines and written again if they pass.
delete from raw.{{ident .Table}} as written
using {{ident .Suspects}} as suspect
where written.source = $source
{{- range .Key}}
    and written.{{ident .}} = suspect.{{ident .}}
{{- end}};
