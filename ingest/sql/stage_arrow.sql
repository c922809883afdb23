-- grain: one row per data row parsed in Go (XLSX sheet row, transcoded CSV
-- line), as text, with its line number; read once from the registered view.
create or replace temp table {{ident .Stage}} as
select *
from {{ident .View}};
