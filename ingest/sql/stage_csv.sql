-- grain: one row per data line of one CSV file, every column as text, in file
-- order (the table's rowid + 2 is the line number; the header is line 1).
create or replace temp table {{ident .File}} as
select *
from read_csv(
    $path,
    header = true,
    delim = $delim,
    quote = '"',
    escape = '"',
    all_varchar = true,
    auto_detect = true
);

create or replace temp view {{ident .Stage}} as
select cast(rowid + 2 as bigint) as __line, *
from {{ident .File}};
