-- dq_flags of one rule (bound) for a municipality scope read from the built
-- main.dq_flags: the flags on rows of the scope's SIPs. Only for a rule
-- whose table's rows each belong to a SIP and whose test reads nothing
-- beyond that SIP's rows (transform/scope.go, builtFlagTables). The built
-- table is named with its database: the scope's temp dq_flags is
-- temp.main.dq_flags, which a bare main.dq_flags would find first.
-- grain: one row per flagged row of a SIP of the scope
-- inputs: main.dq_flags, sips (the scope's temp table), the rule id (bound)
with final as (
    select f.*
    from {{ ident .Database }}.main.dq_flags as f
    semi join sips as s
        on s.source = f.source and s.sip_id = f.sip_id
    where f.rule_id = ?
)

select * from final
