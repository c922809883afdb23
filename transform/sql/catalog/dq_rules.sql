-- dq_rules: one row per data-quality rule; dq_flags: one row per row of a
-- table that breaks a rule (row_id is the row's key; for goal_reviews
-- goal_id || '|' || meeting_id).
create or replace table dq_rules (
    rule_id varchar not null,
    table_name varchar not null,
    description_sv varchar not null,
    description_en varchar not null
);
create or replace table dq_flags (
    rule_id varchar not null,
    table_name varchar not null,
    source varchar not null,
    row_id varchar not null,
    sip_id varchar
);
