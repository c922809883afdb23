-- kpi_periods: one period asked for (label, first day, last day).
insert into kpi_periods values (?, ?, ?)
