-- kpi_catalog: the KPIs of catalog.toml (settings resolved), bound as one
-- JSON array in column order.
insert into kpi_catalog
select unnest(r)
from (
    select unnest(
        from_json(?::json, '[{"kpi_id":"VARCHAR","family":"VARCHAR","name_sv":"VARCHAR","name_en":"VARCHAR","unit":"VARCHAR","direction":"VARCHAR","target":"DOUBLE","target_source":"VARCHAR","definition_sv":"VARCHAR","definition_en":"VARCHAR","breakdowns":["VARCHAR"],"requires":["VARCHAR"],"sort_order":"INTEGER","target_op":"VARCHAR","reference_line":"DOUBLE","observation_window_days":"INTEGER","headline":"BOOLEAN","is_point_in_time":"BOOLEAN","is_detail":"BOOLEAN","family_sv":"VARCHAR","family_en":"VARCHAR","unit_sv":"VARCHAR","unit_en":"VARCHAR"}]')
    ) as r
)
