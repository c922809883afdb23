-- kpi_sources: every loaded source.
insert into kpi_sources select distinct ls.source from load_sources as ls
