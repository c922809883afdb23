-- ref_municipalities: the rows of ref/scb-municipalities.csv, bound as one
-- JSON array.
insert into ref_municipalities
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"municipality_code":"VARCHAR","municipality_name":"VARCHAR","county_code":"VARCHAR","county_name":"VARCHAR"}]')
    ) as r
)
