-- grain: one row: rows read and rows rejected of {{.Table}} in this load.
with read_rows as (
    select count(*) as rows_read from {{ident .Chk}}
),
rejected_rows as (
    select count(distinct p.__line) as rows_rejected from {{ident .Problems}} as p
),
final as (
    select read_rows.rows_read, rejected_rows.rows_rejected
    from read_rows, rejected_rows
)
select * from final;
