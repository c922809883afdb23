-- kpi_catalog: the KPIs of catalog.toml (targets resolved), bound as one
-- JSON array in column order.
insert into kpi_catalog
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"kpi_id":"VARCHAR","family":"VARCHAR","name_sv":"VARCHAR","name_en":"VARCHAR","unit":"VARCHAR","direction":"VARCHAR","target":"DOUBLE","target_source":"VARCHAR","definition_sv":"VARCHAR","definition_en":"VARCHAR","breakdowns":["VARCHAR"],"requires":["VARCHAR"],"sort_order":"INTEGER"}]')
    ) as r
)
