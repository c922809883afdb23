-- Drops one load's working tables ({{.Table}}) before commit, so a pooled
-- connection carries nothing into the next use.
drop {{if .StageIsView}}view{{else}}table{{end}} if exists {{ident .Stage}};
drop table if exists {{ident .File}};
drop table if exists {{ident .Chk}};
drop table if exists {{ident .Problems}};
drop table if exists {{ident .Rejected}};
