-- grain: one row per reject of $source, the first few in file and line order.
select file_name, table_name, line, column_name, reason
from load_rejects
where source = $source
order by table_name, file_name, line, column_name
limit $limit;
