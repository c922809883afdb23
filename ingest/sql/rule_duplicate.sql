-- grain: one row per input row of {{.Table}} whose key ({{join .Key ", "}})
-- repeats the key of an earlier row without cell problems; the first one loads.
insert into {{ident .Problems}}
with numbered as (
    select
        chk.__line,
        concat_ws(', '{{range .Key}}, cast(chk.{{ident .}} as varchar){{end}}) as key_text,
        row_number() over (partition by {{range $i, $k := .Key}}{{if $i}}, {{end}}chk.{{ident $k}}{{end}} order by chk.__line) as occurrence,
        min(chk.__line) over (partition by {{range $i, $k := .Key}}{{if $i}}, {{end}}chk.{{ident $k}}{{end}}) as first_line
    from {{ident .Chk}} as chk
    where chk.problems is null
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
