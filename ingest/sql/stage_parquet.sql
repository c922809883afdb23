-- grain: one row per row of one Parquet file, in file order; __line is the
-- row number + 1, as if a header were line 1, so lines compare with CSV.
create or replace temp table {{ident .File}} as
select *
from read_parquet($path);

create or replace temp view {{ident .Stage}} as
select cast(file_rows.rowid - first_row.rowid + 2 as bigint) as __line, file_rows.*
from {{ident .File}} as file_rows, (select min(rowid) as rowid from {{ident .File}}) as first_row;
