-- docs/dq.sql: COMMENT ON the data-quality tables and view (sql/dq,
-- views/dq_summary) and their columns, Swedish term first.
-- Grain: one statement per table, view or column.


-- dq_flags
comment on table dq_flags is 'Datakvalitetsflaggor: one row per row that breaks a data-quality rule (rule, table, source, row id).';
comment on column dq_flags.rule_id is 'Regel: the data-quality rule id.';
comment on column dq_flags.table_name is 'Tabell: the core table the flagged row is in.';
comment on column dq_flags.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column dq_flags.row_id is 'Rad: the flagged row''s id in its table.';
comment on column dq_flags.sip_id is 'SIP the flagged row belongs to (for tracing; null if none).';

-- dq_rules
comment on table dq_rules is 'Datakvalitetsregler: one row per data-quality rule (logical check; flagged rows are loaded but left out of the KPIs they would distort).';
comment on column dq_rules.rule_id is 'Regel: the data-quality rule id.';
comment on column dq_rules.table_name is 'Tabell: the (contract) table concerned.';
comment on column dq_rules.description_sv is 'Beskrivning på svenska.';
comment on column dq_rules.description_en is 'Description in English.';

-- dq_summary
comment on view dq_summary is 'Datakvalitet, sammanfattning: one row per rule, table and source, with the number of rows flagged.';
comment on column dq_summary.rule_id is 'Regel: the data-quality rule id.';
comment on column dq_summary.table_name is 'Tabell: the (contract) table concerned.';
comment on column dq_summary.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column dq_summary.rows_flagged is 'Antal flaggade rader.';
comment on column dq_summary.description_sv is 'Beskrivning på svenska.';
comment on column dq_summary.description_en is 'Description in English.';
