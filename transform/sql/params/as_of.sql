-- The as-of date: the latest extracted_at of the sources asked for (all when
-- the list is empty), else the latest date in their data. One row.
-- parameters: 1, 2 = the sources joined by chr(31) ('' = all)
with wanted as (
    select ls.source, ls.extracted_at
    from load_sources as ls
    where ? = '' or list_contains(string_split(?, chr(31)), ls.source)
),

data_dates as (
    select max(s.need_detected_date) as d from staging.stg_sips as s where s.source in (select w.source from wanted as w)
    union all
    select max(s.closed_date) from staging.stg_sips as s where s.source in (select w.source from wanted as w)
    union all
    select max(m.held_date) from staging.stg_meetings as m where m.source in (select w.source from wanted as w)
    union all
    select max(c.decision_date) from staging.stg_consents as c where c.source in (select w.source from wanted as w)
),

final as (
    select coalesce(
        (select max(w.extracted_at) from wanted as w),
        (select max(dd.d) from data_dates as dd)
    ) as as_of
)

select * from final
