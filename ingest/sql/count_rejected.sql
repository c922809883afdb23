-- grain: one row: the rows of {{.Table}} with a problem, rejected.
select count(distinct p.__line) as rows_rejected from {{ident .Problems}} as p;
