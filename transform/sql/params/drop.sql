-- Drops the parameter tables and the age_band macro of a run, so a pooled connection keeps nothing.
drop table if exists temp.kpi_params;
drop table if exists temp.kpi_sources;
drop table if exists temp.kpi_context_targets;
drop table if exists temp.kpi_periods;
drop table if exists temp.kpi_period_days;
drop table if exists temp.kpi_rows;
drop table if exists temp.kpi_reference;
drop macro if exists temp.age_band;
