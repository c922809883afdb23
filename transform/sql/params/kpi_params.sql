-- kpi_params: the one row of settings, bound in Settings field order.
insert into kpi_params values (?, ?, ?, ?, ?, ?, ?, ?, ?)
