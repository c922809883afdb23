-- grain: one row per code list and accepted input spelling (the code, its
-- Swedish label, and aliases, lower-cased), mapping to the English code.
create or replace temp table code_labels as
with pairs as (
    select
        unnest($list_names::varchar[]) as list_name,
        unnest($inputs::varchar[]) as input,
        unnest($codes::varchar[]) as code
),
final as (
    select pairs.list_name, pairs.input, pairs.code
    from pairs
)
select * from final;
