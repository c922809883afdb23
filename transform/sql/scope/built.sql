-- {{ .Table }} of a municipality scope read from the built model: the rows of
-- main.{{ .Table }}{{ if .BySIP }} that belong to a SIP of the scope (its temp sips){{ else }} of the
-- scope's municipality (bound){{ end }}, as a temp table that shadows
-- main.{{ .Table }} for the KPI files. Equal to the rows the scope's own core
-- model would make from staging, because none of the model's facts
-- depends on another municipality's rows (transform/scope.go,
-- TestScopeFromBuiltModel). A template, rendered for each table of
-- builtScoped.
-- grain: one row per row of main.{{ .Table }} kept
-- inputs: main.{{ .Table }}{{ if .BySIP }}, sips (the scope's temp table){{ else }}, the municipality code (bound){{ end }}
with final as (
    select t.*
    from {{ ident .Database }}.main.{{ ident .Table }} as t
{{- if .BySIP }}
    semi join sips as s
        on s.source = t.source and s.sip_id = t.sip_id
{{- else }}
    where t.municipality_code = ?
{{- end }}
)

select * from final
