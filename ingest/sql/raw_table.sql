-- raw.{{.Name}}: one row per loaded input row of {{.Name}} ({{.Grain}}),
-- tagged with its source; contract columns in contract order, typed.
create table if not exists raw.{{ident .Name}} (
    source varchar not null
{{- range .Columns}},
    {{ident .Name}} {{.Type.SQLType}}
{{- end}}
);
