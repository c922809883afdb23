-- grain: one row per input row of {{.Table}} (from {{.Stage}}): each contract
-- column typed (read from its trimmed text, <column>__in), and the list of
-- cell problems, null when there is none (unparsable value, missing required value, unknown code, a
-- format rule of the contract). Inputs: the staged file, $as_of; codes are
-- mapped by a CASE over the contract's code list (no join per code column).
{{/* trim copies every string; most cells need no trimming */ -}}
{{define "trimmed"}}nullif(case when starts_with({{.}}, ' ') or ends_with({{.}}, ' ') then trim({{.}}) else {{.}} end, ''){{end -}}
create or replace temp table {{ident .Chk}} as
with src as (
    select
        stage.__line
{{- range .Columns}},
        {{if .Source}}{{template "trimmed" printf "cast(stage.%s as varchar)" (ident .Source)}}{{else}}cast(null as varchar){{end}} as {{ident (in .Name)}}
{{- end}}
    from {{ident .Stage}} as stage
),
typed as (
    select
        src.*
{{- range .Columns}},
        {{typed .}} as {{ident .Name}}
{{- end}}
    from src
),
-- one boolean per check, never null, so that the list of problems is only
-- built for the few rows that have one; problems is null for a clean row
-- (cheaper to store than an empty list)
flagged as (
    select
        typed.*
{{- range .Columns}}
{{- $in := printf "typed.%s" (ident (in .Name))}}{{$out := printf "typed.%s" (ident .Name)}}
{{- if .Required}},
        {{$in}} is null as {{ident (flag .Name "missing")}}
{{- end}}
{{- if .Problem}},
        ({{$in}} is not null and {{$out}} is null) as {{ident (flag .Name "bad")}}
{{- end}}
{{- if eq .Type.String "id"}},
        coalesce(length({{$in}}) > {{$.MaxID}}, false) as {{ident (flag .Name "long")}}
{{- end}}
{{- if eq .Rule "region"}},
        coalesce({{$in}} is not null and not regexp_full_match({{$in}}, '[0-9]{2}'), false) as {{ident (flag .Name "rule")}}
{{- end}}
{{- if eq .Rule "municipality"}},
        coalesce({{$in}} is not null and not regexp_full_match({{$in}}, '[0-9]{4}'), false) as {{ident (flag .Name "rule")}}
{{- if $.HasRegion}},
        coalesce(regexp_full_match({{$in}}, '[0-9]{4}') and regexp_full_match(typed.region_code__in, '[0-9]{2}')
            and left({{$in}}, 2) <> typed.region_code__in, false) as {{ident (flag .Name "region")}}
{{- end}}
{{- end}}
{{- if eq .Rule "birth_year"}},
        coalesce({{$out}} is not null and ({{$out}} < 1900 or {{$out}} > year(cast($as_of as date))), false) as {{ident (flag .Name "range")}}
{{- end}}
{{- end}}
    from typed
),
final as (
    select
        flagged.__line
{{- range .Columns}},
        flagged.{{ident .Name}}
{{- end}},
        case when false
{{- range .Columns}}
{{- if .Required}} or flagged.{{ident (flag .Name "missing")}}{{end}}
{{- if .Problem}} or flagged.{{ident (flag .Name "bad")}}{{end}}
{{- if eq .Type.String "id"}} or flagged.{{ident (flag .Name "long")}}{{end}}
{{- if eq .Rule "region"}} or flagged.{{ident (flag .Name "rule")}}{{end}}
{{- if eq .Rule "municipality"}} or flagged.{{ident (flag .Name "rule")}}{{if $.HasRegion}} or flagged.{{ident (flag .Name "region")}}{{end}}{{end}}
{{- if eq .Rule "birth_year"}} or flagged.{{ident (flag .Name "range")}}{{end}}
{{- end}}
        then list_filter([
            cast(null as struct(column_name varchar, reason varchar))
{{- range .Columns}}
{{- $in := printf "flagged.%s" (ident (in .Name))}}{{$out := printf "flagged.%s" (ident .Name)}}
{{- if .Required}},
            case when flagged.{{ident (flag .Name "missing")}}
                then {'column_name': {{lit .Name}}, 'reason': 'required value is missing'} end
{{- end}}
{{- if .Problem}},
            case when flagged.{{ident (flag .Name "bad")}}
                then {'column_name': {{lit .Name}}, 'reason': format({{lit .Problem}}, sip_show({{$in}}))} end
{{- end}}
{{- if eq .Type.String "id"}},
            case when flagged.{{ident (flag .Name "long")}}
                then {'column_name': {{lit .Name}}, 'reason': format('id is {} characters long (at most {{$.MaxID}})', length({{$in}}))} end
{{- end}}
{{- if eq .Rule "region"}},
            case when flagged.{{ident (flag .Name "rule")}}
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a region code (want 2 digits, e.g. 01)', sip_show({{$in}}))} end
{{- end}}
{{- if eq .Rule "municipality"}},
            case when flagged.{{ident (flag .Name "rule")}}
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a municipality code (want 4 digits, e.g. 0180)', sip_show({{$in}}))} end
{{- if $.HasRegion}},
            case when flagged.{{ident (flag .Name "region")}}
                then {'column_name': {{lit .Name}}, 'reason': format('municipality {} is not in region {}', {{$in}}, flagged.region_code__in)} end
{{- end}}
{{- end}}
{{- if eq .Rule "birth_year"}},
            case when flagged.{{ident (flag .Name "range")}}
                then {'column_name': {{lit .Name}}, 'reason': format('{} is outside 1900…{}', {{$out}}, year(cast($as_of as date)))} end
{{- end}}
{{- end}}
        ], problem -> problem is not null)
        end as problems
    from flagged
)
select * from final;
