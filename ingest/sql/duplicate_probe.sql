-- grain: one row: the rows checked of {{.Table}} (every row, or those
-- without a cell problem) and whether a key ({{join .Key ", "}}) repeats
-- among them (see rule_duplicate.sql; only then are the repeats numbered
-- and worded). One hash aggregate over the keys gives both.
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
    select
        coalesce(sum(per_key.occurrences), 0) as rows_checked,
        coalesce(max(per_key.occurrences), 0) > 1 as repeats
    from per_key
)
select * from final;
