-- grain: one row, the session's preserve_insertion_order setting, so a load
-- can restore it after validating without it.
select cast(current_setting('preserve_insertion_order') as boolean) as preserve_insertion_order;
