-- grain: one row per setting the built model was made with, as key=value
-- (null as empty), but the time it was computed. inputs: main.kpi_settings.
-- builtFits (scope.go) compares them with a scope's own settings.
with final as (
    select key || '=' || coalesce(cast(value as varchar), '') as setting
    from main.kpi_settings
    where key <> 'computed_at'
)
select * from final
