-- The as-of date of the loaded data: nothing after it has happened yet.
-- Grain: one row (the latest extracted_at over all sources).
with final as (
    select max(extracted_at) as as_of_date
    from load_sources
)
select as_of_date from final
