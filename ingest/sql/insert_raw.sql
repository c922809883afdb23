-- grain: one row per input row of {{.Table}} without any problem, typed, into
-- raw.{{.Table}}; rows with a problem went to load_rejects instead. Without
-- any problem in the file the anti join is left out (the common case).
insert into raw.{{ident .Table}} (source{{range .Columns}}, {{ident .Name}}{{end}})
with good as (
    select chk.*
    from {{ident .Chk}} as chk
{{- if .AnyProblem}}
    where not exists (select 1 from {{ident .Problems}} as p where p.__line = chk.__line)
{{- end}}
),
final as (
    select $source as source{{range .Columns}}, good.{{ident .Name}}{{end}}
    from good
)
select * from final;
