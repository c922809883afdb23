-- grain: one row per cell problem of an input row of {{.Table}}; the key and
-- foreign-key rules append their rows to the same table.
create or replace temp table {{ident .Problems}} as
with exploded as (
    select chk.__line, unnest(chk.problems) as problem
    from {{ident .Chk}} as chk
    where chk.problems is not null
),
final as (
    select
        exploded.__line,
        exploded.problem.column_name as column_name,
        exploded.problem.reason as reason
    from exploded
)
select * from final;
