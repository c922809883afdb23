-- rule_rows: the rows a table rule (sql/rules/<table>.sql) checks, named
-- "typed": the file's typed view without the lines that have a cell problem
-- (rejected already). Used as `from {{template "rule_rows" .}}`.
{{- define "rule_rows"}}{{ident .Typed}} as typed
{{- if .AnyBad}}
    anti join {{ident .Bad}} as bad on bad.__line = typed.__line
{{- end}}{{end}}
