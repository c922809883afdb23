-- The reference tables, rewritten by every Build:
--   ref_municipalities: one row per SCB municipality (kommunkod) with its county
--   ref_org_types: one row per org type with its principal (huvudman)
--   ref_codes: one row per code list and code with its Swedish label
create or replace table ref_municipalities (
    municipality_code varchar not null,
    municipality_name varchar not null,
    county_code varchar not null,
    county_name varchar not null
);
create or replace table ref_org_types (
    org_type varchar not null,
    label varchar not null,
    principal varchar not null
);
create or replace table ref_codes (
    code_list varchar not null,
    code varchar not null,
    label varchar not null
);
