-- ref_codes: several columns share a code list; keep one row per list and code.
create or replace table ref_codes as
with final as (
    select distinct rc.code_list, rc.code, rc.label
    from ref_codes as rc
)
select * from final
