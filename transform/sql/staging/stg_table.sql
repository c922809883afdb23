-- staging.stg_<table> (one view per table of the data contract, generated
-- from contract.Tables): one row per loaded row of raw.<table> (all
-- sources). Staging only names and orders the contract columns; ingest has
-- already cast them to their contract types and mapped codes to the English
-- code. inputs: raw.<table>
with final as (
    select {{ idents .Columns }}
    from raw.{{ ident .Table }}
)

select * from final
