-- grain: one row per input row of {{.Table}} without any problem, typed, into
-- raw.{{.Table}}; rows with a problem go to load_rejects instead. Either the
-- rows listed in {{.Problems}} are left out (AnyProblem), or, when the key
-- and reference rules found nothing, the rows with a cell problem are left
-- out by the same flags as check.sql's (CellFilter), so a clean file is
-- checked and written in one pass.
insert into raw.{{ident .Table}} (source{{range .Columns}}, {{ident .Name}}{{end}})
with flagged as (
    select
        typed.*
{{- if .CellFilter}}
{{- template "problem_flags" .}}
{{- end}}
    from ({{template "typed_rows" .}}
    ) as typed
{{- if .AnyProblem}}
    anti join {{ident .Problems}} as p on p.__line = typed.__line
{{- end}}
),
good as (
    select flagged.*
    from flagged
{{- if .CellFilter}}
    where not {{template "any_problem_flag" .}}
{{- end}}
),
final as (
    select $source as source{{range .Columns}}, good.{{ident .Name}}{{end}}
    from good
)
select * from final;
