-- grain: one row per staged input row of {{.Table}} (a view over {{.Rows}}):
-- each contract column's trimmed text (<column>__in, null when empty) and
-- its typed value (<column>, null when the text does not parse). Nothing is
-- stored: the checks and the insert into raw.{{.Table}} read only the
-- columns they need. Codes are mapped by a lookup in a constant map of
-- every accepted spelling (lower case) to the English code. insert_raw.sql
-- reads the same rows (typed_rows) without the view.
{{/* trim copies every string; most cells need no trimming, and in a file
whose prescan saw no space at a cell's edge (NoTrim) none does */ -}}
{{define "trimmed"}}nullif(case when starts_with({{.}}, ' ') or ends_with({{.}}, ' ') then trim({{.}}) else {{.}} end, ''){{end -}}
{{define "typed_rows"}}
with src as (
    select
        stage.__line
{{- if .GoProblems}},
        stage.__problem_column,
        stage.__problem_reason
{{- end}}
{{- range .Columns}},
        {{if not .Source}}cast(null as varchar){{else if $.NoTrim}}nullif(cast(stage.{{ident .Source}} as varchar), ''){{else}}{{template "trimmed" printf "cast(stage.%s as varchar)" (ident .Source)}}{{end}} as {{ident (in .Name)}}
{{- end}}
    from {{ident .Rows}} as stage
),
final as (
    select
        src.*
{{- range .Columns}},
        {{typed .}} as {{ident .Name}}
{{- end}}
    from src
)
select * from final
{{- end}}
create or replace temp view {{ident .Typed}} as
{{- template "typed_rows" .}};
