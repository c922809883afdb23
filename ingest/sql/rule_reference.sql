-- grain: one row per input row of {{.Table}} whose {{.Column}} matches no
-- loaded {{.Parent}} row of this source; when the parent row was in the
-- extract but rejected, the reason says so (the rejection cascades).
insert into {{ident .Problems}}
with orphans as (
    select chk.__line, chk.{{ident .Column}} as ref
    from {{ident .Chk}} as chk
    where chk.problems is null
        and chk.{{ident .Column}} is not null
{{- if .Self}}
        and chk.{{ident .Column}} not in (
            select parent.{{ident .ParentKey}}
            from {{ident .Chk}} as parent
            where parent.problems is null
                and parent.__line not in (select p.__line from {{ident .Problems}} as p)
        )
{{- else}}
        and not exists (
            select 1
            from raw.{{ident .Parent}} as parent
            where parent.source = $source
                and parent.{{ident .ParentKey}} = chk.{{ident .Column}}
        )
{{- end}}
),
rejected as (
{{- if .Self}}
    select cast(parent.{{ident .ParentKey}} as varchar) as key_value, min(parent.__line) as line, $file_name as file_name
    from {{ident .Chk}} as parent
    group by parent.{{ident .ParentKey}}
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
