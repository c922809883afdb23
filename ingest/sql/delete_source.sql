-- Removes every row of one source before its new snapshot is written
-- (grain: all rows of $source in raw.{{.Table}}).
delete from raw.{{ident .Table}} where source = $source;
