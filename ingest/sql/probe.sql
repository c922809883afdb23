-- grain: one row, the one-pass way's check of {{.Table}} in one scan of its
-- rows: how many there are, whether a key ({{join .Key ", "}}) repeats, and
-- whether a reference to another table matches no loaded row. Each
-- reference is a left join to the parent's loaded rows, whose keys are
-- unique, so no row is repeated. Any finding sends the file the exact way
-- (rule_duplicate.sql, rule_reference.sql), which words it.
with joined as (
    select
{{- range $i, $k := .Key}}
        typed.{{ident $k}},
{{- end}}
        false
{{- range $i, $r := .Refs}}
        or (typed.{{ident $r.Column}} is not null and parent_{{$i}}.{{ident $r.ParentKey}} is null)
{{- end}} as dangling
    from {{ident .Typed}} as typed
{{- range $i, $r := .Refs}}
    left join {{ident $r.ParentLoaded}} as parent_{{$i}}
        on parent_{{$i}}.{{ident $r.ParentKey}} = typed.{{ident $r.Column}}
{{- end}}
),
per_key as (
    select count(*) as occurrences, bool_or(joined.dangling) as dangling
    from joined
    group by {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}}
),
final as (
    select
        coalesce(sum(per_key.occurrences), 0) as rows_read,
        coalesce(max(per_key.occurrences), 0) > 1 as repeats,
        coalesce(bool_or(per_key.dangling), false) as dangling
    from per_key
)
select * from final;
