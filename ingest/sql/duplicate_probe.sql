-- grain: one row: whether a key ({{join .Key ", "}}) of {{.Table}} repeats
-- among the rows without a cell problem (the exact way; only then are the
-- repeats numbered and worded by rule_duplicate.sql).
with clean as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}typed.{{ident $k}}{{end}}
    from {{ident .Typed}} as typed
{{- if .AnyBad}}
    anti join {{ident .Bad}} as bad on bad.__line = typed.__line
{{- end}}
),
per_key as (
    select count(*) as occurrences
    from clean
    group by {{range $i, $k := .Key}}{{if $i}}, {{end}}clean.{{ident $k}}{{end}}
),
final as (
    select coalesce(max(per_key.occurrences), 0) > 1 as repeats
    from per_key
)
select * from final;
