-- grain: one row: how many input rows {{.Table}} has ({{.Rows}}: its staged
-- rows, or its CSV file read where used when the prescan could not count
-- its records).
select count(*) as rows_read from {{ident .Rows}};
