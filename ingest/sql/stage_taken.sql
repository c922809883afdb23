-- grain: one row per input row of {{.Table}} that the one-pass way takes
-- back: a row with a cell problem (the flags of flags.sql: it was not
-- written){{if .AnySuspect}} or whose key ({{join .Key ", "}}) is in {{.Suspects}}{{end}}. Each keeps
-- its line and its contract cells as the typed view reads them (trimmed
-- text, under the staged column's name), so the exact way's checks read
-- these rows instead of a staged copy of the whole file.
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
{{- end}}
flagged as (
    select
        typed.*
{{- template "problem_flags" .}}
    from ({{template "typed_rows" .}}
    ) as typed
),
taken as (
    select flagged.*
    from flagged
{{- if .AnySuspect}}
    left join {{ident .Suspects}} as suspect
        on {{range $i, $k := .Key}}{{if $i}} and {{end}}suspect.{{ident $k}} = flagged.{{ident $k}}{{end}}
{{- end}}
    where {{template "any_problem_flag" .}}
{{- if .AnySuspect}}
        or suspect.{{ident (index .Key 0)}} is not null
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
    select
        lined.__line
{{- if .GoProblems}},
        lined.__problem_column,
        lined.__problem_reason
{{- end}}
{{- range .Columns}}{{if .Source}},
        lined.{{ident (in .Name)}} as {{ident .Source}}
{{- end}}{{end}}
    from lined
)
select * from final;
