-- grain: one row per warning of $source as loaded.
select file_name, message
from load_warnings
where source = $source
order by file_name, message;
