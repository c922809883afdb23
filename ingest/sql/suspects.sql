-- grain: one row per key ({{join .Key ", "}}) of {{.Table}} whose rows the
-- one-pass way takes back, found in one scan of the rows it wrote
-- (raw.{{.Table}}: every input row, a row with a cell problem under the
-- source $rejected_source): a key that repeats among the rows without a
-- cell problem (asked unless the prescan saw every key once: CheckKey), the
-- key of a row that breaks a reference (matches no loaded row of the parent,
-- {{.Loaded}}; within the table, no written row) or the table's rule
-- (sql/probe_rules/{{.Table}}.sql, the form of sql/rules/{{.Table}}.sql
-- over the joined parents), the key of a row with a cell problem{{if .SelfColumn}},
-- and the key of a row whose {{.SelfColumn}} names one of the first two
-- kinds (its parent may be rejected){{end}}. Every input row with such a key
-- (or without a typed key) is read back with its line (stage_taken.sql) and
-- checked the exact way; the other written rows break no rule, so they
-- stay. A clean file gives no row. Each reference is a left join to the
-- parent's loaded rows, whose keys are unique, so no row is repeated.
create or replace temp table {{ident .Suspects}} as
with joined as (
    select
        typed.source = $rejected_source as marked,
{{- range .Key}}
        typed.{{ident .}},
{{- end}}
        typed.source = $source and (false
{{- range .Refs}}
        or (typed.{{ident .Column}} is not null and {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} is null)
{{- end}}
{{- if .Rule}}
        or {{.Rule}}
{{- end}}) as found
    from raw.{{ident .Table}} as typed
{{- range .Refs}}
    left join {{ident .ParentLoaded}} as {{ident (printf "parent_%s" .Column)}}
        on {{ident (printf "parent_%s" .Column)}}.{{ident .ParentKey}} = typed.{{ident .Column}}
{{- end}}
    where typed.source = $source or typed.source = $rejected_source
),
-- per key: whether it repeats or a row of it breaks a rule (first), and
-- whether a row of it has a cell problem (marked: every row with such a key
-- is read back, so a repeat among them is numbered with its lines too)
keys as (
{{- if .CheckKey}}
    select
        {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}},
        count(*) filter (where not joined.marked) > 1 or bool_or(joined.found) as first,
        bool_or(joined.marked) as marked
    from joined
    group by {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}}
{{- else}}
    select distinct
        {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}},
        joined.found as first,
        joined.marked
    from joined
    where joined.found or joined.marked
{{- end}}
),
taken_keys as (
    select distinct {{range $i, $k := .Key}}{{if $i}}, {{end}}keys.{{ident $k}}{{end}}
    from keys
    where keys.first or keys.marked
),
{{- if .SelfColumn}}
-- A row whose parent within the table is taken back for a repeat or a rule
-- is taken back too: the exact way checks it against the rows that pass
-- every other check.
self_keys as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}written.{{ident $k}}{{end}}
    from {{ident .Loaded}} as written
    semi join keys on keys.first and keys.{{ident (index .Key 0)}} = written.{{ident .SelfColumn}}
),
{{- end}}
final as (
    select * from taken_keys
{{- if .SelfColumn}}
    union
    select * from self_keys
{{- end}}
)
select * from final;
