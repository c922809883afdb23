-- grain: one row: whether {{.Table}} has a problem recorded so far.
select exists (select 1 from {{ident .Problems}}) as any_problem;
