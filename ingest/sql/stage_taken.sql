-- grain: one row per input row of {{.Table}} that the one-pass way takes
-- back: a row whose key ({{join .Key ", "}}) is in {{.Suspects}} (a key that
-- repeats, a row breaking a reference or a rule, a row with a cell problem)
-- or has no typed value (a row with a cell problem there). Each keeps its
-- line and its cells as staged, so the exact way's checks read these rows
-- instead of a staged copy of the whole file; only the key is typed here.
{{- if .CSV}} A file read
-- where used is read again here, numbered in file order (a streaming
-- row_number over read_csv: one thread, nothing stored but the rows
-- kept); its line is the record + 1 plus the line breaks inside quoted
-- cells before it (as stage_csv.sql's).
{{- else}} A staged file has its lines.
{{- end}}
{{- if .HasBreaks}}
create or replace temp table {{ident .Breaks}} as
select unnest($break_records::bigint[]) as record, unnest($break_shifts::bigint[]) as shift;
{{- end}}
create or replace temp table {{ident .Taken}} as
with
{{- if .CSV}}
numbered as (
    select row_number() over () as __line, file_rows.*
    from {{template "read_csv" .CSV}} as file_rows
),
{{- else}}
numbered as (
    select staged.*
    from {{ident .Stage}} as staged
),
{{- end}}
src as (
    select
        numbered.*
{{- range .KeyColumns}},
        {{if $.NoTrim}}nullif(cast(numbered.{{ident .Source}} as varchar), ''){{else}}{{template "trimmed" printf "cast(numbered.%s as varchar)" (ident .Source)}}{{end}} as {{ident (in .Name)}}
{{- end}}
    from numbered
),
keyed as (
    select
        src.*
{{- range .KeyColumns}},
        {{typed .}} as {{ident (printf "__key_%s" .Name)}}
{{- end}}
    from src
),
taken as (
    select keyed.*
    from keyed
    left join {{ident .Suspects}} as suspect
        on {{range $i, $k := .KeyColumns}}{{if $i}} and {{end}}suspect.{{ident $k.Name}} = keyed.{{ident (printf "__key_%s" $k.Name)}}{{end}}
    where suspect.{{ident (index .KeyColumns 0).Name}} is not null
{{- range .KeyColumns}}
        or keyed.{{ident (printf "__key_%s" .Name)}} is null
{{- end}}
),
lined as (
{{- if .HasBreaks}}
    select cast(taken.__line + 1 + coalesce(breaks.shift, 0) as bigint) as __line, taken.* exclude (__line)
    from taken
    asof left join {{ident .Breaks}} as breaks on taken.__line > breaks.record
{{- else if .CSV}}
    select cast(taken.__line + 1 as bigint) as __line, taken.* exclude (__line)
    from taken
{{- else}}
    select taken.*
    from taken
{{- end}}
),
final as (
    select lined.* exclude ({{range $i, $k := .KeyColumns}}{{if $i}}, {{end}}{{ident (in $k.Name)}}, {{ident (printf "__key_%s" $k.Name)}}{{end}})
    from lined
)
select * from final;
