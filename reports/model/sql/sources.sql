-- The loaded extracts.
-- Grain: one row per source.
with final as (
    select
        source,
        region_code,
        contract_version,
        extracted_at,
        loaded_at
    from load_sources
)
select * from final
order by source
