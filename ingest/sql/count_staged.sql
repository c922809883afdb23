-- grain: one row: the rows read from the file of {{.Table}}.
select count(*) as rows_read from {{ident .Rows}};
