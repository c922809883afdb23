-- description: Coverage (genomförandegrad: behov som lett till SIP-möte) by
--   SIP context and target group (sammanhang och målgrupp): where SIP is
--   not used. Per quarter of the need: needs detected, declined, requests
--   denied, SIPs due (met, or past the target window at the as-of date) and
--   of those with an initial meeting held. As in the KPI coverage; a SIP
--   still inside its target window without a meeting is pending, not due.
-- grain: one row per quarter (of need_detected_date), context and target group
-- param: quarters (int, default 8) how many quarters, ending with the as-of date's quarter
-- breakdown: quarter, context
-- suppress: coverage_share by n_due; declined_share by n_needs
with units as (
    select
        q.quarter,
        s.context,
        coalesce(s.target_group, 'unknown') as target_group,
        s.is_declined,
        coalesce(s.request_denied, false) as is_request_denied,
        s.is_due,
        s.is_due and s.initial_held_date is not null as is_met_due
    from sips as s
    inner join analysis_window_quarters($quarters) as q
        on s.need_detected_date between q.quarter_start and q.quarter_end
),

final as (
    select
        u.quarter,
        u.context,
        u.target_group,
        count(*) as n_needs,
        count(*) filter (where u.is_declined) as n_declined,
        count(*) filter (where u.is_declined) / count(*) as declined_share,
        count(*) filter (where u.is_request_denied) as n_requests_denied,
        count(*) filter (where u.is_due) as n_due,
        count(*) filter (where u.is_met_due) as n_met_due,
        count(*) filter (where u.is_met_due) / nullif(count(*) filter (where u.is_due), 0) as coverage_share
    from units as u
    group by u.quarter, u.context, u.target_group
)

select * from final
order by quarter, context, target_group
