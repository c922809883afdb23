-- grain: every row of $source in raw.{{.Table}}: the rows this load inserted
-- in one pass (the source's earlier rows were deleted before), taken back to
-- be checked and inserted again row by row.
delete from raw.{{ident .Table}} where source = $source;
