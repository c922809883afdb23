-- kpi_sources: one source in scope.
insert into kpi_sources values (?)
