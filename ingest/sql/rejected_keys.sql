-- grain: one row per key value of {{.Table}} that occurs on a rejected row;
-- child tables name it when their rows are rejected in cascade (only keys
-- that match no loaded row are looked up).
create or replace temp table {{ident .Rejected}} as
with rejected_rows as (
    select typed.{{ident .KeyColumn}} as key_value, min(typed.__line) as line
    from {{ident .Typed}} as typed
    semi join {{ident .Problems}} as p on p.__line = typed.__line
    where typed.{{ident .KeyColumn}} is not null
    group by typed.{{ident .KeyColumn}}
),
final as (
    select cast(rejected_rows.key_value as varchar) as key_value, rejected_rows.line, $file_name as file_name
    from rejected_rows
)
select * from final;
