-- grain: one row per input row of {{.Table}} whose {{.Column}} matches no
-- loaded {{.Parent}} row of this load; when the parent row was in the
-- extract but rejected, the reason says so (the rejection cascades).
-- {{if .Self}}A reference within the table is checked against the rows that
-- pass every other check.{{else}}The loaded parent rows are {{.ParentLoaded}}.{{end}}
insert into {{ident .Problems}}
with refs as (
    select typed.__line, typed.{{ident .Column}} as ref
    from {{ident .Typed}} as typed
{{- if .AnyBad}}
    anti join {{ident .Bad}} as bad on bad.__line = typed.__line
{{- end}}
    where typed.{{ident .Column}} is not null
),
{{- if .Self}}
parents as (
    select typed.{{ident .ParentKey}} as parent_key
    from {{ident .Typed}} as typed
{{- if .AnyProblem}}
    anti join {{ident .Problems}} as p on p.__line = typed.__line
{{- end}}
{{- if .TakenBack}}
    -- the rows read back are only those taken back: the written rows that
    -- stay pass every check
    union all
    select loaded.{{ident .ParentKey}} as parent_key
    from {{ident .ParentLoaded}} as loaded
{{- end}}
),
{{- else}}
parents as (
    select loaded.{{ident .ParentKey}} as parent_key
    from {{ident .ParentLoaded}} as loaded
),
{{- end}}
orphans as (
    select refs.__line, refs.ref
    from refs
    anti join parents on parents.parent_key = refs.ref
),
rejected as (
{{- if .Self}}
    select cast(typed.{{ident .ParentKey}} as varchar) as key_value, min(typed.__line) as line, $file_name as file_name
    from {{ident .Typed}} as typed
    semi join orphans on orphans.ref = typed.{{ident .ParentKey}}
    group by typed.{{ident .ParentKey}}
{{- else}}
    select r.key_value, r.line, r.file_name
    from {{ident .ParentRejected}} as r
{{- end}}
),
final as (
    select
        orphans.__line,
        {{lit .Column}} as column_name,
        case
            when rejected.line is not null
                then format('{} "{}" was rejected ({}:{}), so this row is too', {{lit .Parent}}, sip_show(orphans.ref), rejected.file_name, rejected.line)
            else format('"{}" is not in {}', sip_show(orphans.ref), {{lit .Parent}})
        end as reason
    from orphans
    left join rejected on rejected.key_value = orphans.ref
)
select * from final;
