-- grain: at most one row: the loaded snapshot of $source.
select fingerprint, extracted_at
from load_sources
where source = $source;
