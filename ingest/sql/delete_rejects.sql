-- grain: every reject of {{.Table}} this load recorded for $source, taken
-- back to check the file again.
delete from load_rejects where source = $source and table_name = {{lit .Table}};
