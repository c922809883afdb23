-- grain: one row per row of {{.Table}} loaded in this load: the rows of
-- $source in raw.{{.Table}} (the source's earlier rows were deleted first),
-- what the foreign keys and table rules of later tables check against.
-- The source is quoted as a literal since a view takes no parameters.
create or replace temp view {{ident .Loaded}} as
select raw_rows.*
from raw.{{ident .Table}} as raw_rows
where raw_rows.source = {{lit .Source}};
