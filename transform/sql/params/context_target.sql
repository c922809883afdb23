-- kpi_context_targets: one context's own meeting target in days.
insert into kpi_context_targets values (?, ?)
