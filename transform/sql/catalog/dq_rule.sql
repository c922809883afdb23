-- dq_rules: the rules of catalog.toml, bound as one JSON array.
insert into dq_rules
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"rule_id":"VARCHAR","table_name":"VARCHAR","description_sv":"VARCHAR","description_en":"VARCHAR"}]')
    ) as r
)
