-- Drops one load's working objects of {{.Table}} (all temporary: this
-- connection only), views first, after the load commits or rolls back, so a
-- pooled connection carries nothing into the next use.
drop view if exists {{ident .Loaded}};
drop view if exists {{ident .Typed}};
drop {{if .StageIsView}}view{{else}}table{{end}} if exists {{ident .Stage}};
drop view if exists {{ident .Direct}};
drop table if exists {{ident .File}};
drop table if exists {{ident .Problems}};
drop table if exists {{ident .Bad}};
drop table if exists {{ident .Rejected}};
drop table if exists {{ident .Breaks}};
drop table if exists {{ident .Taken}};
drop table if exists {{ident .Suspects}};
