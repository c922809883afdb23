-- Drops the registered Arrow view of {{.Table}} once its rows are staged; it
-- must be gone before the stream is released.
drop view if exists {{ident .View}};
