-- grain: one row: the latest date in the date columns of one staged file,
-- the as-of date of an extract without a manifest.
with dates as (
    select list_max([
{{- range $i, $c := .Columns}}{{if $i}},{{end}}
        sip_date(nullif(trim(cast(stage.{{ident $c}} as varchar)), ''))
{{- end}}
    ]) as latest_date
    from {{ident .Rows}} as stage
),
final as (
    select max(dates.latest_date) as latest_date
    from dates
)
select * from final;
