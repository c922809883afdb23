-- grain: one row: whether {{.Table}} has a key whose written rows are taken
-- back (suspects.sql).
select exists (select 1 from {{ident .Suspects}}) as any_suspect;
