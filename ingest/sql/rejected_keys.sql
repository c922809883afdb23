-- grain: one row per key value of {{.Table}} that occurs only on rejected
-- rows; child tables name it when their rows are rejected in cascade.
create or replace temp table {{ident .Rejected}} as
with rejected_rows as (
    select chk.{{ident .KeyColumn}} as key_value, min(chk.__line) as line
    from {{ident .Chk}} as chk
    where chk.{{ident .KeyColumn}} is not null
        and chk.__line in (select p.__line from {{ident .Problems}} as p)
    group by chk.{{ident .KeyColumn}}
),
final as (
    select cast(rejected_rows.key_value as varchar) as key_value, rejected_rows.line, $file_name as file_name
    from rejected_rows
)
select * from final;
