-- grain: every row of $source in raw.{{.Table}}: the rows this load inserted
-- in one pass (the source's earlier rows were deleted before), and those it
-- marked as having a cell problem ($rejected_source), taken back to be
-- checked and inserted again row by row.
delete from raw.{{ident .Table}} where source = $source or source = $rejected_source;
