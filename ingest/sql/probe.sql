-- grain: one row, the one-pass way's check of the rows of {{.Table}} it
-- wrote ({{.Loaded}}: every input row without a cell problem), in one scan:
-- whether a key ({{join .Key ", "}}) repeats (not asked when the prescan
-- saw every key once: CheckKey false), and whether a row breaks a
-- reference (matches no loaded row of the parent, which for a reference
-- within the table is a written row) or the table's rule
-- (sql/probe_rules/{{.Table}}.sql, the form of sql/rules/{{.Table}}.sql over
-- the joined parents). These are the rows the exact way checks these rules
-- on, so a finding here is one there; suspects.sql then lists what it
-- found, and the exact way's checks word it over those rows. Each
-- reference is a left join to the parent's loaded rows, whose keys are
-- unique, so no row is repeated. Keys are told apart by their hashes (a
-- distinct count of integers is cheaper than one of strings): two keys
-- with one hash only send a clean file the exact way, never a repeat past.
{{/* probe_joined: the CTE "joined" over the written rows, shared with
suspects.sql: the key columns (when asked: CheckKey, WithKeys) and whether
the row breaks a reference or the table's rule (found). */ -}}
{{define "probe_joined"}}joined as (
    select
{{- if or .CheckKey .WithKeys}}
{{- range .Key}}
        typed.{{ident .}},
{{- end}}
{{- end}}
        false
{{- range .Refs}}
        or (typed.{{ident .Column}} is not null and {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} is null)
{{- end}}
{{- if .Rule}}
        or {{.Rule}}
{{- end}} as found
    from {{ident .Loaded}} as typed
{{- range .Refs}}
    left join {{ident .ParentLoaded}} as {{ident (printf "parent_%s" .Column)}}
        on {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} = typed.{{ident .Column}}
{{- end}}
){{end -}}
with {{template "probe_joined" .}},
final as (
    select
{{- if .CheckKey}}
        count(*) <> count(distinct hash({{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}})) as repeats,
{{- else}}
        false as repeats,
{{- end}}
        coalesce(bool_or(joined.found), false) as found
    from joined
)
select * from final;
