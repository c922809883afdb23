-- grain: one row per cell problem of an input row of {{.Table}} (from the
-- typed view {{.Typed}}): an unparsable value, a missing required value, an
-- unknown code, a format rule of the contract. Inputs: the typed view,
-- $as_of. One pass computes a boolean per check for every row; the reasons
-- are built only for the few rows where one is set. The key, reference and
-- table rules append their rows to the same table.
create or replace temp table {{ident .Problems}} as
with flagged as (
    select
        typed.*
{{- template "problem_flags" .}}
    from {{ident .Typed}} as typed
),
failing as (
    select flagged.*
    from flagged
    where {{template "any_problem_flag" .}}
),
-- the reasons, worded only for the few failing rows
listed as (
    select
        failing.__line,
        list_filter([
            cast(null as struct(column_name varchar, reason varchar))
{{- if .GoProblems}},
            case when failing.__go_problem
                then {'column_name': failing.__problem_column, 'reason': failing.__problem_reason} end
{{- end}}
{{- range .Columns}}
{{- $in := printf "failing.%s" (ident (in .Name))}}{{$out := printf "failing.%s" (ident .Name)}}
{{- if .Required}},
            case when failing.{{ident (flag .Name "missing")}}
                then {'column_name': {{lit .Name}}, 'reason': 'required value is missing'} end
{{- end}}
{{- if .Problem}},
            case when failing.{{ident (flag .Name "bad")}}
                then {'column_name': {{lit .Name}}, 'reason': format({{lit .Problem}}, sip_show({{$in}}))} end
{{- end}}
{{- if eq .Type.String "id"}},
            case when failing.{{ident (flag .Name "long")}}
                then {'column_name': {{lit .Name}}, 'reason': format('id is {} characters long (at most {{$.MaxID}})', length({{$in}}))} end
{{- end}}
{{- if eq .Rule "region"}},
            case when failing.{{ident (flag .Name "rule")}}
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a region code (want 2 digits, e.g. 01)', sip_show({{$in}}))} end
{{- end}}
{{- if eq .Rule "municipality"}},
            case when failing.{{ident (flag .Name "rule")}}
                then {'column_name': {{lit .Name}}, 'reason': format('"{}" is not a municipality code (want 4 digits, e.g. 0180)', sip_show({{$in}}))} end
{{- if $.HasRegion}},
            case when failing.{{ident (flag .Name "region")}}
                then {'column_name': {{lit .Name}}, 'reason': format('municipality {} is not in region {}', {{$in}}, failing.region_code__in)} end
{{- end}}
{{- end}}
{{- if eq .Rule "birth_year"}},
            case when failing.{{ident (flag .Name "range")}}
                then {'column_name': {{lit .Name}}, 'reason': format('{} is outside 1900…{}', {{$out}}, year(cast($as_of as date)))} end
{{- end}}
{{- end}}
        ], problem -> problem is not null) as problems
    from failing
),
exploded as (
    select listed.__line, unnest(listed.problems) as problem
    from listed
),
final as (
    select
        exploded.__line,
        exploded.problem.column_name as column_name,
        exploded.problem.reason as reason
    from exploded
)
select * from final;

-- grain: one row per input row of {{.Table}} with a cell problem; the key,
-- reference and table rules check only the other rows.
create or replace temp table {{ident .Bad}} as
select distinct p.__line
from {{ident .Problems}} as p;
