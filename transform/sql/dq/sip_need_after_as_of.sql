-- sip_need_after_as_of: one row per SIP of the sources in scope whose need
-- was detected after its extract's extracted_at (a date in the future of
-- the extract is a data error). The core model leaves such a SIP out
-- (with its meetings), so it is read from staging: without this flag it
-- would disappear silently.
-- Returns (source, row_id, sip_id). The row stays loaded.
-- inputs: staging.stg_sips, load_sources, kpi_params, kpi_sources
with extract_dates as (
    select
        ls.source,
        coalesce(ls.extracted_at, p.as_of) as extracted_at
    from load_sources as ls
    cross join kpi_params as p
),

final as (
    select
        s.source,
        s.sip_id as row_id,
        s.sip_id
    from staging.stg_sips as s
    inner join extract_dates as ed
        on ed.source = s.source
    where s.source in (select ks.source from kpi_sources as ks)
        and s.need_detected_date > ed.extracted_at
)

select * from final
