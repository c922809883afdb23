-- Puts the set-aside tables' comments (live_comments.sql) on the fresh
-- snapshot tables of the same names (grain: none). The text is the
-- project's own documentation, read from the database, quoted as a literal
-- (COMMENT ON takes no parameter).
{{- range .}}
comment on {{if .Column}}column {{ident .Schema}}.{{ident .Table}}.{{ident .Column}}{{else}}table {{ident .Schema}}.{{ident .Table}}{{end}} is {{lit .Comment}};
{{- end}}
