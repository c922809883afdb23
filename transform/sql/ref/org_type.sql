-- ref_org_types: the contract's org types, bound as one JSON array.
insert into ref_org_types
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"org_type":"VARCHAR","label":"VARCHAR","principal":"VARCHAR"}]')
    ) as r
)
