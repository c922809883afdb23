-- kpi_catalog: a target or observation window of the settings file for a
-- per-question user-audit KPI (known only from the data). Returns the ids
-- it found, so Build can name one that is not in the data.
-- parameters: $1 = the target_source of a settings target, $2 = JSON array of
-- {kpi_id, target_op, target, observation_window_days}
-- (null = keep)
update kpi_catalog as c
set
    target = coalesce(o.target, c.target),
    target_op = coalesce(o.target_op, c.target_op),
    target_source = case when o.target is not null then $1 else c.target_source end,
    observation_window_days = coalesce(o.observation_window_days, c.observation_window_days)
from (
    select unnest(r, recursive := true)
    from (
        select unnest(
            from_json($2::json, '[{"kpi_id":"VARCHAR","target_op":"VARCHAR","target":"DOUBLE","observation_window_days":"INTEGER"}]')
        ) as r
    )
) as o
where o.kpi_id = c.kpi_id
returning c.kpi_id
