-- grain: one row per key ({{join .Key ", "}}) of {{.Table}} whose rows the
-- one-pass way takes back, found over the rows it wrote ({{.Loaded}}, every
-- input row without a cell problem): a key that repeats (asked unless the
-- prescan saw every key once: CheckKey), the key of a row that breaks a
-- reference (matches no loaded row of the parent; within the table, no
-- written row) or the table's rule (sql/probe_rules/{{.Table}}.sql){{if .SelfColumn}},
-- and the key of a row whose {{.SelfColumn}} names one of those keys (its
-- parent may be rejected){{end}}. Every input row with such a key is read
-- back with its line (stage_taken.sql) and checked the exact way; the
-- other written rows break no rule, so they stay.
create or replace temp table {{ident .Suspects}} as
with {{template "probe_joined" .}},
found_keys as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}joined.{{ident $k}}{{end}}
    from joined
    where joined.found
),
{{- if .CheckKey}}
repeated_keys as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}written.{{ident $k}}{{end}}
    from {{ident .Loaded}} as written
    group by all
    having count(*) > 1
),
{{- end}}
first_round as (
    select * from found_keys
{{- if .CheckKey}}
    union
    select * from repeated_keys
{{- end}}
),
{{- if .SelfColumn}}
-- A row whose parent within the table is taken back is taken back too: the
-- exact way checks it against the rows that pass every other check.
self_keys as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}written.{{ident $k}}{{end}}
    from {{ident .Loaded}} as written
    semi join first_round on first_round.{{ident (index .Key 0)}} = written.{{ident .SelfColumn}}
),
{{- end}}
-- The keys of the rows with a cell problem (marked by the insert): every
-- row with such a key is read back, so a repeat among them is numbered
-- with its lines too.
marked_keys as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}marked.{{ident $k}}{{end}}
    from raw.{{ident .Table}} as marked
    where marked.source = $rejected_source
),
final as (
    select * from first_round
    union
    select * from marked_keys
{{- if .SelfColumn}}
    union
    select * from self_keys
{{- end}}
)
select * from final;
