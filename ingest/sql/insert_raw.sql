-- grain: one row per input row of {{.Table}} without any problem, typed, into
-- raw.{{.Table}}; rows with a problem go to load_rejects instead. Either the
-- rows listed in {{.Problems}} are left out (AnyProblem), or (CellFilter:
-- the one-pass way, which checks and writes a clean file in one pass) every
-- row is written and a row with a cell problem (the same flags as
-- check.sql's) is marked by its source, $rejected_source: the probe sees
-- whether there is one, and the rows marked are taken back with their keys
-- (suspects.sql, delete_taken.sql) before the load commits.
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
final as (
    select
{{- if .CellFilter}}
        case when {{template "any_problem_flag" .}} then $rejected_source else $source end as source
{{- else}}
        $source as source
{{- end}}
{{- range .Columns}}, flagged.{{ident .Name}}{{end}}
    from flagged
)
select * from final;
