-- {{ .ID }}: one row per row of {{ .Table }} that breaks the rule: {{ .Where }}
-- (the rule's `where` in catalog.toml; every [[dq_rule]] with a `where` is
-- this template). Returns (source, row_id, sip_id); row_id is the table's
-- key (columns of a composite key joined by '|'). The row stays loaded; the
-- KPIs it would distort leave it out (see catalog.toml and docs/figures.md).
-- inputs: {{ .Table }} (core)
with final as (
    select
        t.source,
        {{ .RowID }} as row_id,
        t.sip_id
    from {{ ident .Table }} as t
    where {{ .Where }}
)

select * from final
