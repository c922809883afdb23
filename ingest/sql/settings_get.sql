-- grain: one row: the settings validation changes, so a load can put them
-- back afterwards.
select
    cast(current_setting('preserve_insertion_order') as varchar) as preserve_insertion_order,
    cast(current_setting('disabled_optimizers') as varchar) as disabled_optimizers,
    cast(current_setting('disabled_compression_methods') as varchar) as disabled_compression_methods;
