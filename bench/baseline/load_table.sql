-- Grain: one row per data row of one contract table's CSV file (header
-- excluded), typed as data contract v1 says and not validated in any way. This
-- is the plain DuckDB load that `sipstat load` is measured against.
--
-- {{table}} (a quoted identifier) and {{columns}} (a struct literal of column
-- name → DuckDB type, in the file's header order) are filled in from the
-- contract by load.go: read_csv accepts its column types only as a constant
-- struct, and duckdb-go cannot bind a STRUCT or MAP parameter.
-- $1 is the source name, $2 the CSV file, $3 its delimiter as the header showed it;
-- everything else is read_csv's default dialect, as a plain DuckDB user writes it.
-- {{ignore_errors}} is true with --skip-bad-rows: rows DuckDB cannot type are
-- left out (for an extract with flaws, which a typed read otherwise refuses).
create table raw.{{table}} as
with final as (
    select
        $1::varchar as source,
        csv.*
    from read_csv($2, header = true, delim = $3, columns = {{columns}}, ignore_errors = {{ignore_errors}}) as csv
)
select * from final
