-- grain: one row per input row of {{.Table}} whose key ({{join .Key ", "}})
-- repeats the key of an earlier row without cell problems; the first one
-- loads. Only the keys that repeat are numbered (a hash aggregate finds
-- them), so a file without duplicates costs one aggregate.
insert into {{ident .Problems}}
with clean as (
    select typed.__line{{range .Key}}, typed.{{ident .}}{{end}}
    from {{ident .Typed}} as typed
{{- if .AnyBad}}
    anti join {{ident .Bad}} as bad on bad.__line = typed.__line
{{- end}}
),
repeated as (
    select {{range $i, $k := .Key}}{{if $i}}, {{end}}clean.{{ident $k}}{{end}}
    from clean
    group by all
    having count(*) > 1
),
numbered as (
    select
        clean.__line,
        concat_ws(', '{{range .Key}}, cast(clean.{{ident .}} as varchar){{end}}) as key_text,
        row_number() over (partition by {{range $i, $k := .Key}}{{if $i}}, {{end}}clean.{{ident $k}}{{end}} order by clean.__line) as occurrence,
        min(clean.__line) over (partition by {{range $i, $k := .Key}}{{if $i}}, {{end}}clean.{{ident $k}}{{end}}) as first_line
    from clean
    semi join repeated
        on {{range $i, $k := .Key}}{{if $i}} and {{end}}repeated.{{ident $k}} is not distinct from clean.{{ident $k}}{{end}}
),
final as (
    select
        numbered.__line,
        {{lit (index .Key 0)}} as column_name,
        format('duplicate key {} (first at line {})', sip_show(numbered.key_text), numbered.first_line) as reason
    from numbered
    where numbered.occurrence > 1
)
select * from final;
