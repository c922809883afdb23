-- ref_codes: the codes of the contract's code lists, bound as one JSON array.
insert into ref_codes
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"code_list":"VARCHAR","code":"VARCHAR","label":"VARCHAR"}]')
    ) as r
)
