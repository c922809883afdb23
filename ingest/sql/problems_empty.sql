-- grain: none yet: the problems of {{.Table}} (line, column, reason) and the
-- lines with a cell problem, before any check has run.
create or replace temp table {{ident .Problems}} (__line bigint, column_name varchar, reason varchar);
create or replace temp table {{ident .Bad}} (__line bigint);
