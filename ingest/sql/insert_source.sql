-- grain: one row for the source of this load.
insert into load_sources (source, region_code, contract_version, extracted_at, loaded_at, fingerprint, extract_dir)
values ($source, $region_code, $contract_version, cast($extracted_at as date), cast($loaded_at as timestamp), $fingerprint, $extract_dir);
