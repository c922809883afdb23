{{/*
Shared by check.sql and insert_raw.sql (no statement of its own).

problem_flags: one boolean column per cell check of the contract columns
(.Columns), never null, read from the typed view aliased "typed": a required
value missing, a value that does not parse, an id too long, a format rule;
and for rows parsed in Go (.GoProblems) the problem found there (a byte
that is not UTF-8, a cell too long).

any_problem_flag: the disjunction of those columns, read from the CTE
aliased "flagged".
*/}}
{{- define "problem_flags"}}
{{- if .GoProblems}},
        typed.__problem_reason is not null as __go_problem
{{- end}}
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
{{- end}}

{{- define "any_problem_flag"}}(false
{{- if .GoProblems}} or flagged.__go_problem{{end}}
{{- range .Columns}}
{{- if .Required}} or flagged.{{ident (flag .Name "missing")}}{{end}}
{{- if .Problem}} or flagged.{{ident (flag .Name "bad")}}{{end}}
{{- if eq .Type.String "id"}} or flagged.{{ident (flag .Name "long")}}{{end}}
{{- if eq .Rule "region"}} or flagged.{{ident (flag .Name "rule")}}{{end}}
{{- if eq .Rule "municipality"}} or flagged.{{ident (flag .Name "rule")}}{{if $.HasRegion}} or flagged.{{ident (flag .Name "region")}}{{end}}{{end}}
{{- if eq .Rule "birth_year"}} or flagged.{{ident (flag .Name "range")}}{{end}}
{{- end}}){{end}}
