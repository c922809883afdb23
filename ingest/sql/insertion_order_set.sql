-- grain: none (a session setting). Validation and the raw inserts need no
-- row order (line numbers were captured at staging, rejects are ordered
-- where read); without it DuckDB inserts in parallel.
set preserve_insertion_order = {{if .}}true{{else}}false{{end}};
