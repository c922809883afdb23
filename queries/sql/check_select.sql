-- check_select.sql: parse an ad hoc statement without running it.
-- Grain: one row. Input: $statement, the text the analyst gave to --sql.
-- json_serialize_sql only serialises SELECT statements, so error = true means
-- the text holds something other than a SELECT; statements counts how many
-- statements it holds (only one is allowed, because the driver runs all but
-- the last one while preparing).
with parsed as (
    select json_serialize_sql($statement::varchar)::json as j
),

final as (
    select
        coalesce((j ->> 'error')::boolean, false) as is_error,
        coalesce(j ->> 'error_message', '') as error_message,
        coalesce(json_array_length(j -> 'statements'), 0) as statements
    from parsed
)

select is_error, error_message, statements from final
