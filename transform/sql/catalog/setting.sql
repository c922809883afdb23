-- kpi_settings: the settings, bound as one JSON array.
insert into kpi_settings
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"key":"VARCHAR","value":"VARCHAR"}]')
    ) as r
)
