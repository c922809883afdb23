-- grain: one row per rejected input row of {{.Table}} and reason.
insert into load_rejects (source, table_name, file_name, line, column_name, reason)
with final as (
    select $source as source, $table_name as table_name, $file_name as file_name,
        p.__line as line, p.column_name, p.reason
    from {{ident .Problems}} as p
    order by p.__line, p.column_name
)
select * from final;
