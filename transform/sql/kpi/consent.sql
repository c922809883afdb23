-- consent family: one row per period × KPI × breakdown × group for
-- consent_expired_active and consents_withdrawn.
-- Units: SIPs active at the period's end (as sips_active) with their given
-- consents; consents by withdrawn_date.
-- inputs: sips, consents, dq_flags (core), kpi_periods, kpi_period_days, kpi_params
-- Breakdowns: each aggregate computes the catalogued breakdowns of the KPIs
-- it serves (catalog.toml; see breakdowns.go).
{{ $active := breakdowns "consent_expired_active" }}
{{ $withdrawn := breakdowns "consents_withdrawn" }}
with params as (
    select * from kpi_params
),

one_guardian as (
    select distinct f.source, f.sip_id
    from dq_flags as f
    where f.rule_id = 'consent_child_one_guardian'
),

given_spans as (
    -- Per SIP, each given consent as the span of period ends at which it is
    -- valid and not expired: from its decision date, at most
    -- consent_validity_days later, and before it was withdrawn. A SIP's
    -- consent has expired at a period's end unless some span holds it (its
    -- latest given consent by then decides, and that one holds it exactly
    -- when some does). One list per SIP instead of a row per SIP, period and
    -- consent.
    select
        c.source,
        c.sip_id,
        list({
            'decided': c.decision_date,
            'fresh_until': c.decision_date + params.consent_validity_days,
            'withdrawn': coalesce(c.withdrawn_date, date '9999-12-31')
        }) as spans
    from consents as c
    cross join params
    where c.decision = 'given'
    group by c.source, c.sip_id
),

active_sips as materialized (
    -- SIPs that can be active (initial meeting held or flagged), with their
    -- spans, joined once per SIP rather than once per SIP and period.
    select
        coalesce(s.initial_held_date, s.need_detected_date) as active_from,
        coalesce(s.closed_date, date '9999-12-31') as active_until,
        {{ $active.Columns "s" }},
        s.has_flagged_initial or og.sip_id is not null as is_excluded,
        gs.spans
    from sips as s
    left join one_guardian as og
        on og.source = s.source and og.sip_id = s.sip_id
    left join given_spans as gs
        on gs.source = s.source and gs.sip_id = s.sip_id
    where s.initial_held_date is not null or s.has_flagged_initial
),

active_units as (
    -- SIPs active at the period's end (as sips_active).
    select
        p.period,
        {{ $active.Pass "a" }},
        a.is_excluded,
        coalesce(
            len(list_filter(
                a.spans,
                g -> g.decided <= p.period_end and p.period_end <= g.fresh_until and g.withdrawn > p.period_end
            )) = 0,
            true
        ) as is_expired
    from active_sips as a
    inner join kpi_periods as p
        on a.active_from <= p.period_end
        and a.active_until > p.period_end
),

active_agg as materialized (
    select {{ $active.PeriodLabel "u" }},
        count(*) filter (where not u.is_excluded and u.is_expired) as expired,
        count(*) filter (where u.is_excluded) as excluded
    from active_units as u
    {{ $active.GroupBy "u" "period" }}
),

withdrawn_in_period as materialized (
    -- Consents withdrawn in a period (few), placed before the join to sips.
    select
        p.period,
        c.source,
        c.sip_id,
        -- A withdrawal dated before the decision (rule
        -- consent_withdrawn_before_decision) is left out, counted as excluded.
        c.withdrawn_date < c.decision_date as is_excluded
    from consents as c
    inner join kpi_period_days as p on p.day = c.withdrawn_date
),

withdrawn_units as (
    select
        w.period,
        {{ $withdrawn.Columns "s" }},
        w.is_excluded
    from withdrawn_in_period as w
    inner join sips as s
        on s.source = w.source and s.sip_id = w.sip_id
),

withdrawn_agg as materialized (
    select {{ $withdrawn.PeriodLabel "u" }},
        count(*) filter (where not u.is_excluded) as withdrawn,
        count(*) filter (where u.is_excluded) as excluded
    from withdrawn_units as u
    {{ $withdrawn.GroupBy "u" "period" }}
),

final as (
    {{ count "consent_expired_active" "expired" "excluded" "active_agg" }}
    union all {{ count "consents_withdrawn" "withdrawn" "excluded" "withdrawn_agg" }}
)

select * from final
