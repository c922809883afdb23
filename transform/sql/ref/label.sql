-- kpi_labels: the labels of catalog.toml's [labels.*], bound as one JSON array.
insert into kpi_labels
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"kind":"VARCHAR","code":"VARCHAR","label_sv":"VARCHAR","label_en":"VARCHAR"}]')
    ) as r
)
