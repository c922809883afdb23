-- grain: one row per data line of one CSV file, every column as text (the
-- dialect of direct_csv.sql's read_csv: no sniffing, so a row with too many
-- fields is an error naming its line rather than a silently wider table),
-- in file order: the line number is the row's position + 2 (the header is
-- line 1), plus the line breaks inside quoted cells before it; rows created
-- in an open transaction get rowids from a high base, hence the subtraction
-- of the first one.
create or replace temp table {{ident .File}} as
select *
from {{template "read_csv" .}};

{{- if .HasBreaks}}
-- A quoted cell with line breaks makes its record span lines: each record
-- after one is shifted by the breaks before it ($break_records: the records
-- holding breaks, in order; $break_shifts: the breaks up to and including
-- each, from the prescan).
create or replace temp table {{ident .Breaks}} as
select unnest($break_records::bigint[]) as record, unnest($break_shifts::bigint[]) as shift;

create or replace temp view {{ident .Stage}} as
with numbered as (
    select file_rows.rowid - first_row.rowid + 1 as __record, file_rows.*
    from {{ident .File}} as file_rows, (select min(rowid) as rowid from {{ident .File}}) as first_row
)
select cast(numbered.__record + 1 + coalesce(breaks.shift, 0) as bigint) as __line, numbered.* exclude (__record)
from numbered
asof left join {{ident .Breaks}} as breaks on numbered.__record > breaks.record;
{{- else}}
create or replace temp view {{ident .Stage}} as
select cast(file_rows.rowid - first_row.rowid + 2 as bigint) as __line, file_rows.*
from {{ident .File}} as file_rows, (select min(rowid) as rowid from {{ident .File}}) as first_row;
{{- end}}
