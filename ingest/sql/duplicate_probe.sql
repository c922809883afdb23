-- grain: one row: whether a key ({{join .Key ", "}}) of {{.Table}} repeats
-- among the rows checked (see rule_duplicate.sql); only then are the
-- repeats numbered and worded.
with clean as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}typed.{{ident $k}}{{end}}
    from {{ident .Typed}} as typed
{{- if .AnyBad}}
    anti join {{ident .Bad}} as bad on bad.__line = typed.__line
{{- end}}
),
final as (
    select exists (
        select 1
        from clean
        group by {{range $i, $k := .Key}}{{if $i}}, {{end}}clean.{{ident $k}}{{end}}
        having count(*) > 1
    ) as repeats
)
select * from final;
