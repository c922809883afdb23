-- Load warnings (e.g. columns outside the contract that were ignored).
-- Grain: one row per warning.
with final as (
    select
        source,
        file_name,
        message
    from load_warnings
)
select * from final
order by source, file_name, message
