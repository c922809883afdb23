-- Removes the bookkeeping rows of one source before its new snapshot is
-- written (grain: all rows of $source in the load_* tables).
delete from load_rejects where source = $source;
delete from load_warnings where source = $source;
delete from load_files where source = $source;
delete from load_sources where source = $source;
