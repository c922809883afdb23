-- grain: none: {{.Table}} was not delivered, so no row of it was loaded in
-- this load (its rows of this source were deleted); the columns of raw.{{.Table}}.
create or replace temp view {{ident .Loaded}} as
select raw_rows.*
from raw.{{ident .Table}} as raw_rows
limit 0;
