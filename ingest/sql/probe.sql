-- grain: one row, the one-pass way's check of {{.Table}} in one scan of its
-- rows: how many there are, whether a key ({{join .Key ", "}}) repeats, and
-- whether a row breaks a reference to another table (matches no loaded
-- row) or the table's rule (sql/probe_rules/{{.Table}}.sql, the form of
-- sql/rules/{{.Table}}.sql over the joined parents). Each reference is a
-- left join to the parent's loaded rows, whose keys are unique, so no row is
-- repeated. Any finding sends the file the exact way, which words it.
with joined as (
    select
{{- range $i, $k := .Key}}
        typed.{{ident $k}},
{{- end}}
        false
{{- range .Refs}}
        or (typed.{{ident .Column}} is not null and {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} is null)
{{- end}}
{{- if .Rule}}
        or {{.Rule}}
{{- end}} as found
    from {{ident .Typed}} as typed
{{- range .Refs}}
    left join {{ident .ParentLoaded}} as {{ident (printf "parent_%s" .Column)}}
        on {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} = typed.{{ident .Column}}
{{- end}}
),
per_key as (
    select count(*) as occurrences, bool_or(joined.found) as found
    from joined
    group by {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}}
),
final as (
    select
        coalesce(sum(per_key.occurrences), 0) as rows_read,
        coalesce(max(per_key.occurrences), 0) > 1 as repeats,
        coalesce(bool_or(per_key.found), false) as found
    from per_key
)
select * from final;
