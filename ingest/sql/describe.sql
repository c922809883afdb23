-- grain: one row per column of a staged file, in file order.
select column_name
from (describe {{ident .Rows}});
