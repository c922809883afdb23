-- grain: none (settings; see validationSettings in ingest.go). The values
-- are DuckDB's own or fixed names, quoted as literals.
-- preserve_insertion_order is a setting of the load's connection only;
-- the optimizers and compression methods exist only for the whole instance.
set session preserve_insertion_order = {{lit .Order}};
set global disabled_optimizers = {{lit .Optimizers}};
set global disabled_compression_methods = {{lit .Compression}};
