-- grain: none (settings; see validationSettings in ingest.go). The values
-- are DuckDB's own or fixed names, quoted as literals.
-- preserve_insertion_order is a setting of the load's connection only;
-- disabled_optimizers exists only for the whole database instance.
set session preserve_insertion_order = {{lit .Order}};
set global disabled_optimizers = {{lit .Disabled}};
