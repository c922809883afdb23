-- kpi_params: the one row of settings, bound in Settings field order, then
-- the municipality of a municipality scope (null for all).
insert into kpi_params values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
