-- grain: none yet: the rejected keys of a table not delivered (no rows).
create or replace temp table {{ident .Rejected}} (key_value varchar, line bigint, file_name varchar);
