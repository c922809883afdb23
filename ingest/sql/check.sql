-- grain: one row per input row of {{.Table}} (from {{.Stage}}): each contract
-- column typed (read from its trimmed text, <column>__in), and the list of
-- cell problems (unparsable value, missing required value, unknown code, a
-- format rule of the contract). Inputs: the staged file, code_labels, $as_of.
create or replace temp table {{ident .Chk}} as
with src as (
    select
        stage.__line
{{- range .Columns}},
        {{if .Source}}nullif(trim(cast(stage.{{ident .Source}} as varchar)), ''){{else}}cast(null as varchar){{end}} as {{ident (in .Name)}}
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
{{- range .Columns}}{{if .CodeList}}
    left join code_labels as {{ident (label .Name)}}
        on {{ident (label .Name)}}.list_name = {{lit .CodeList}}
        and {{ident (label .Name)}}.input = lower(src.{{ident (in .Name)}})
{{- end}}{{end}}
),
final as (
    select
        typed.__line
{{- range .Columns}},
        typed.{{ident .Name}}
{{- end}},
        list_filter([
            cast(null as struct(column_name varchar, reason varchar))
{{- range .Columns}}
{{- $in := printf "typed.%s" (ident (in .Name))}}{{$out := printf "typed.%s" (ident .Name)}}
{{- if .Required}},
            case when {{$in}} is null
                then {'column_name': {{lit .Name}}, 'reason': 'required value is missing'} end
{{- end}}
{{- if .Problem}},
            case when {{$in}} is not null and {{$out}} is null
                then {'column_name': {{lit .Name}}, 'reason': format({{lit .Problem}}, sip_show({{$in}}))} end
{{- end}}
{{- if eq .Type.String "id"}},
            case when length({{$in}}) > {{$.MaxID}}
                then {'column_name': {{lit .Name}}, 'reason': format('id is {} characters long (at most {{$.MaxID}})', length({{$in}}))} end
{{- end}}
{{- if eq .Rule "region"}},
            case when {{$in}} is not null and not regexp_full_match({{$in}}, '[0-9]{2}')
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a region code (want 2 digits, e.g. 01)', sip_show({{$in}}))} end
{{- end}}
{{- if eq .Rule "municipality"}},
            case when {{$in}} is not null and not regexp_full_match({{$in}}, '[0-9]{4}')
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a municipality code (want 4 digits, e.g. 0180)', sip_show({{$in}}))} end
{{- if $.HasRegion}},
            case when regexp_full_match({{$in}}, '[0-9]{4}') and regexp_full_match(typed.region_code__in, '[0-9]{2}')
                    and left({{$in}}, 2) <> typed.region_code__in
                then {'column_name': {{lit .Name}}, 'reason': format('municipality {} is not in region {}', {{$in}}, typed.region_code__in)} end
{{- end}}
{{- end}}
{{- if eq .Rule "birth_year"}},
            case when {{$out}} is not null and ({{$out}} < 1900 or {{$out}} > year(cast($as_of as date)))
                then {'column_name': {{lit .Name}}, 'reason': format('{} is outside 1900…{}', {{$out}}, year(cast($as_of as date)))} end
{{- end}}
{{- end}}
        ], problem -> problem is not null) as problems
    from typed
)
select * from final;
