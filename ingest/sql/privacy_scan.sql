-- grain: one row per staged input row of {{.Table}} with a cell that holds
-- ten digits in a row (optionally split 6+4 by '-' or '+'): a cheap,
-- set-based prefilter (the length test spares the regex most cells); Go
-- then applies the exact personal-number rule.
with candidates as (
    select
        stage.__line
{{- range .Columns}},
        cast(stage.{{ident .}} as varchar) as {{ident .}}
{{- end}}
    from {{ident .Stage}} as stage
    where
{{- range $i, $c := .Columns}}
        {{if $i}}or {{end}}(length(cast(stage.{{ident $c}} as varchar)) >= 10
            and regexp_matches(cast(stage.{{ident $c}} as varchar), '[0-9]{6}[-+]?[0-9]{4}'))
{{- end}}
),
final as (
    select * from candidates
)
select * from final;
