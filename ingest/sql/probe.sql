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
-- with one hash only make a clean file list its keys (suspects.sql), never
-- a repeat past. It also says whether the insert marked a row with a cell
-- problem ($rejected_source: those rows are not checked here).
{{/* probe_joined: the CTE "joined" over the written rows, shared with
suspects.sql: the key columns (when asked: CheckKey, WithKeys) and whether
the row breaks a reference or the table's rule (found). */ -}}
{{define "probe_joined"}}joined as (
    select
{{- if .Marked}}
        typed.source = $rejected_source as marked,
{{- end}}
{{- if or .CheckKey .WithKeys}}
{{- range .Key}}
        typed.{{ident .}},
{{- end}}
{{- end}}
        {{if .Marked}}typed.source = $source and ({{end}}false
{{- range .Refs}}
        or (typed.{{ident .Column}} is not null and {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} is null)
{{- end}}
{{- if .Rule}}
        or {{.Rule}}
{{- end}}{{if .Marked}}){{end}} as found
{{- if .Marked}}
    from raw.{{ident .Table}} as typed
{{- else}}
    from {{ident .Loaded}} as typed
{{- end}}
{{- range .Refs}}
    left join {{ident .ParentLoaded}} as {{ident (printf "parent_%s" .Column)}}
        on {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} = typed.{{ident .Column}}
{{- end}}
{{- if .Marked}}
    where typed.source = $source or typed.source = $rejected_source
{{- end}}
){{end -}}
with {{template "probe_joined" .}},
final as (
    select
{{- if .CheckKey}}
        count(*) filter (where not joined.marked)
            <> count(distinct hash({{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}})) filter (where not joined.marked) as repeats,
{{- else}}
        false as repeats,
{{- end}}
        coalesce(bool_or(joined.found), false) as found,
        coalesce(bool_or(joined.marked), false) as marked
    from joined
)
select * from final;
