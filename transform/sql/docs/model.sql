-- docs/model.sql: COMMENT ON every table, view and column of schema main,
-- Swedish term first, in build order by layer; the columns of the family
-- views kpi_<family> are in docs/kpi_family.sql. Build applies both last,
-- inside its transaction; `sipstat schema` and docs/schema.md print them.
-- Grain: one statement per table, view or column.


-- ======== columns that mean the same wherever they occur
-- `_.<column>` documents that column in every table and view of main that
-- has it, unless a statement below documents it there (docs.go).

comment on column _.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column _.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column _.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column _.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column _.person_id is 'Person (pseudonym): the person the row concerns.';
comment on column _.invitation_sent_date is 'Kallelse skickad: the date the summons was sent (null if after the as-of date).';
comment on column _.sex is 'Kön: female, male, other, unknown.';
comment on column _.age_band is 'Åldersgrupp: 0-12, 13-17, 18-64, 65-79, 80+.';
comment on column _.goal_id is 'Delmål (pseudonym).';
comment on column _.meeting_id is 'SIP-möte (pseudonym): the meeting.';
comment on column _.org_type is 'Verksamhetstyp (org type); ref_org_types has the label and principal.';
comment on column _.principal is 'Huvudman: municipality (kommun), region, state (stat) or other.';
comment on column _.held_date is 'Genomfört datum: the date the meeting was held.';
comment on column _.mode is 'Mötesform: in_person (fysiskt), video, phone, hybrid.';
comment on column _.context is 'Sammanhang: discharge (utskrivning från sluten vård), child_placement (placering av barn/unga utanför hemmet), standard (SoL/HSL).';
comment on column _.target_group is 'Målgrupp: mental_health, substance_use, elderly_multimorbid, child_youth, disability, other.';
comment on column _.birth_year is 'Födelseår (year of birth).';
comment on column _.need_detected_date is 'Behov upptäckt: when the need for coordination was noticed or requested.';
comment on column _.extracted_at is 'Uttagsdatum: the as-of date of the extract the row came from (load_sources.extracted_at).';
comment on column _.is_held is 'Genomfört: status held and not after the as-of date.';
comment on column _.has_date_flag is 'Datumflagga: the (meeting''s) date breaks a data-quality rule; left out of KPIs.';
comment on column _.is_valid_held is 'Giltigt genomfört: held with a plausible date; only these count as held in any KPI.';
comment on column _.period_date is 'Periodens datum: held date, else planned date; places the row in a period.';
comment on column _.is_child is 'Barn: under 18 (for a SIP at the need, for a meeting at the meeting).';
comment on column _.response_id is 'Enkätsvar (pseudonym).';
comment on column _.survey_id is 'Enkät (brukarrevision).';
comment on column _.response_date is 'Svarsdatum.';
comment on column _.respondent is 'Svarande: individual (den enskilde), guardian (vårdnadshavare), child_youth (barn/unga), relative (närstående).';
comment on column _.dimension is 'Dimension: information, participation (delaktighet), coordination (samordning), meaningfulness (meningsfullhet), treatment (bemötande), outcome, overall.';
comment on column _.scale_min is 'Skalans minimum.';
comment on column _.scale_max is 'Skalans maximum.';
comment on column _.breakdown is 'Indelning: total, region, municipality, context, target_group, age_band, sex, org_type, mode, …';
comment on column _.group_value is 'Grupp: the group''s code within the breakdown; empty string for total.';
comment on column _.group_label is 'Gruppens svenska etikett (municipality name, code label).';
comment on column _.rule_id is 'Regel: the data-quality rule id.';
comment on column _.table_name is 'Tabell: the (contract) table concerned.';
comment on column _.description_sv is 'Beskrivning på svenska.';
comment on column _.description_en is 'Description in English.';
comment on column _.kpi_id is 'Nyckeltal: the KPI''s stable id (kpi_catalog).';
comment on column _.file_name is 'Filnamn in the extract.';


-- ======== core models (sql/core)

-- consents
comment on table consents is 'Samtycken: one row per consent decision (source, consent_id), given or declined; join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column consents.consent_id is 'Samtycke (pseudonym).';
comment on column consents.decision is 'Beslut: given (lämnat) or declined (avböjt).';
comment on column consents.decision_date is 'Beslutsdatum for the consent.';
comment on column consents.scope is 'Omfattning: information_sharing, plan, both.';
comment on column consents.given_by is 'Lämnat av: individual, guardian (vårdnadshavare), both_guardians, representative (god man, förvaltare, framtidsfullmakt).';
comment on column consents.withdrawn_date is 'Återtaget: the date the consent was withdrawn.';

-- deviations
comment on table deviations is 'Avvikelser: one row per deviation report about the SIP process (source, deviation_id).';
comment on column deviations.deviation_id is 'Avvikelse (pseudonym).';
comment on column deviations.reported_date is 'Rapporterad: the date the deviation was reported.';
comment on column deviations.category is 'Avvikelsekategori: no_initiative, absent_despite_summons, poor_treatment (dåligt bemötande), plan_not_followed, other.';
comment on column deviations.reported_by_org is 'Rapporterad av: org type that reported the deviation.';
comment on column deviations.concerns_org is 'Gäller: org type the deviation concerns.';

-- discharges
comment on table discharges is 'Utskrivningar från sluten vård (lag 2017:612): one row per discharge (source, discharge_id), with the linked SIP''s meeting facts and derived lead times.';
comment on column discharges.discharge_id is 'Utskrivning (pseudonym).';
comment on column discharges.ready_for_discharge_date is 'Utskrivningsklar: the day the patient was reported ready for discharge.';
comment on column discharges.discharge_date is 'Utskrivningsdatum.';
comment on column discharges.care_type is 'Vårdtyp: somatic (somatisk) or psychiatric (psykiatrisk).';
comment on column discharges.needs_municipal is 'Behov av kommunala insatser after discharge.';
comment on column discharges.needs_outpatient is 'Behov av regionens öppna vård after discharge.';
comment on column discharges.needs_sip is 'Behov av SIP: needs from both principals (needs_municipal and needs_outpatient).';
comment on column discharges.has_linked_sip is 'Kopplad SIP: the discharge links to a SIP in scope.';
comment on column discharges.sip_first_held_date is 'The linked SIP''s first valid held meeting.';
comment on column discharges.sip_has_flagged_held is 'The linked SIP has a held meeting with a date flag.';
comment on column discharges.first_held_after_discharge_date is 'The linked SIP''s first held meeting on or after the discharge date.';
comment on column discharges.discharge_to_meeting_days is 'Ledtid utskrivning → SIP-möte (dagar).';
comment on column discharges.summons_days is 'Kallelse efter utskrivningsklar (dagar): invitation_sent_date - ready_for_discharge_date.';

-- goal_reviews
comment on view goal_reviews is 'Målbedömningar (måluppfyllelse): one row per goal and follow-up meeting (source, goal_id, meeting_id) where attainment was assessed (a view over the loaded reviews joined to goals and meetings); join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column goal_reviews.status is 'Måluppfyllelse: achieved (uppfyllt), partly_achieved (delvis uppfyllt), not_achieved (ej uppfyllt), not_assessed.';
comment on column goal_reviews.review_held_date is 'Bedömningsdatum: held date of the reviewing meeting.';
comment on column goal_reviews.review_meeting_has_date_flag is 'The reviewing meeting has a date flag (left out of goal KPIs).';
comment on column goal_reviews.review_period_date is 'Periodens datum for the reviewing meeting (held, else planned date).';
comment on column goal_reviews.is_at_set_meeting is 'Bedömd vid samma möte: the review is at the meeting where the goal was set, which is no review (data-quality rule goal_review_at_set_meeting).';

-- goals
comment on table goals is 'Delmål: one row per sub-goal in a plan (source, goal_id), with the meeting it was set at; join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column goals.set_at_meeting_id is 'Satt vid möte: the meeting where the goal was set.';
comment on column goals.area is 'Målområde: housing, occupation, mental_health, physical_health, substance_use, finances, social_network, daily_living, family, safety, other.';
comment on column goals.responsible_org is 'Ansvarig verksamhet: the org type responsible for the goal.';
comment on column goals.target_date is 'Måldatum: when the goal should be reached.';
comment on column goals.set_held_date is 'Datum då målet sattes: held date of set_at_meeting_id.';
comment on column goals.set_meeting_has_date_flag is 'The meeting the goal was set at has a date flag (left out of goal KPIs).';
comment on column goals.set_period_date is 'Periodens datum for the setting meeting (held, else planned date).';

-- interventions
comment on table interventions is 'Insatser: one row per intervention in a plan (source, intervention_id): who does what, with the principal (huvudman) of the org type.';
comment on column interventions.intervention_id is 'Insats (pseudonym).';
comment on column interventions.start_date is 'Startdatum for the intervention.';
comment on column interventions.end_date is 'Slutdatum for the intervention.';

-- meetings
comment on table meetings is 'SIP-möten: one row per meeting (source, meeting_id), held, cancelled or planned, with the SIP''s breakdown facts, the age at the meeting and data-quality facts.';
comment on column meetings.kind is 'Mötestyp: initial (första SIP-mötet, där planen upprättas) or follow_up (uppföljning).';
comment on column meetings.planned_date is 'Planerat datum: the date the meeting was booked for.';
comment on column meetings.status is 'Status: held (genomfört), cancelled (inställt), planned (planerat).';
comment on column meetings.individual_participation is 'Den enskildes deltagande: present, represented (företrädd), absent.';
comment on column meetings.child_participation is 'Barnets deltagande: present, absent, not_applicable.';
comment on column meetings.plan_established is 'Plan upprättad at this meeting.';
comment on column meetings.next_follow_up_date is 'Nästa uppföljning: the follow-up date agreed at this meeting.';
comment on column meetings.sip_closed_date is 'SIP:ens avslutsdatum (sips.closed_date).';
comment on column meetings.is_held_without_date is 'Genomfört utan datum (data-quality flag).';
comment on column meetings.is_held_before_need is 'Genomfört före behov: held before need_detected_date (data-quality flag).';
comment on column meetings.is_held_after_as_of is 'Genomfört efter uttagsdatum: held after the extract''s date (data-quality flag).';
comment on column meetings.is_held_without_mode is 'Genomfört utan mötesform (data-quality flag).';
comment on column meetings.is_held_without_individual_participation is 'Genomfört utan uppgift om den enskildes deltagande (data-quality flag).';
comment on column meetings.age_at_meeting is 'Ålder vid mötet: year(held or planned date) - birth_year.';

-- participants
comment on view participants is 'Deltagare (kallade och inbjudna): one row per participant (source, participant_id) of a meeting, with the attendance (närvaro) and the meeting''s facts and breakdown facts (a view over the loaded participants joined to meetings).';
comment on column participants.participant_id is 'Deltagare (pseudonym).';
comment on column participants.role is 'Roll: summoned (kallad, obliged to come) or invited (inbjuden).';
comment on column participants.attendance is 'Närvaro: attended (deltog), substitute (ersättare), absent_notified (förhinder anmält), absent (uteblev).';
comment on column participants.is_missing_attendance is 'Närvaro saknas: the meeting was held but attendance is blank (data-quality flag).';

-- persons
comment on view persons is 'Personer (individer): one row per person (source, person_id), pseudonymised; birth year and sex only (a view over the loaded persons).';

-- population
comment on table population is 'Befolkning (SCB, 31 december): one row per municipality and year (source, municipality_code, year).';
comment on column population.source is 'Källa: the extract the population figures came from.';
comment on column population.year is 'År (population year, 31 December).';
comment on column population.population is 'Folkmängd (SCB population count).';

-- sips
comment on table sips is 'SIP-processer (samordnad individuell plan): one row per SIP (source, sip_id), from upptäckt behov to avslut, with the person''s facts, consent state, initial meeting, ledtid (lead time) and the flags the KPIs use. Only SIPs whose need was detected on or before the as-of date.';
comment on column sips.initiated_by is 'Initierad av: the org type that noticed the need, or individual (den enskilde) or relative (närstående).';
comment on column sips.request_denied is 'Begäran nekad: the individual''s or a relative''s request for a SIP was denied.';
comment on column sips.lead_org is 'Huvudansvarig / samordnare: the org type with overall responsibility.';
comment on column sips.has_long_term_goal is 'Långsiktigt mål: a long-term goal ("Vad är viktigt för dig?") is recorded.';
comment on column sips.record_system is 'Dokumentationssystem: shared_it_service (gemensam IT-tjänst), local_records, paper.';
comment on column sips.closed_date is 'Avslutad: closure date (null if open at the as-of date).';
comment on column sips.closure_reason is 'Avslutsorsak: needs_met, no_new_needs, consent_withdrawn, goal_changed_restart, moved, deceased, other.';
comment on column sips.restart_of is 'Omstart av: sip_id of the SIP this one restarts.';
comment on column sips.age_at_need is 'Ålder vid behov: year(need_detected_date) - birth_year.';
comment on column sips.is_declined is 'Avböjd: the SIP has a declined consent and no later given consent.';
comment on column sips.initial_meeting_id is 'Första SIP-mötet: the initial meeting held (the earliest valid one).';
comment on column sips.initial_held_date is 'Datum för första SIP-mötet (initial meeting held).';
comment on column sips.has_flagged_initial is 'Flaggat första möte: an initial meeting marked held has an implausible date (left out of lead times).';
comment on column sips.flagged_initial_date is 'Datum för flaggat första möte: the held or planned date of the earliest flagged initial meeting.';
comment on column sips.has_flagged_held is 'Flaggat möte: some meeting of the SIP marked held has an implausible date.';
comment on column sips.first_held_date is 'Första genomförda möte: the earliest valid held meeting of any kind.';
comment on column sips.lead_time_days is 'Ledtid (dagar): initial_held_date - need_detected_date; null without an initial meeting.';
comment on column sips.target_days is 'Målvärde (dagar): the target for need → initial meeting that applies to this SIP (default 21, tre veckor).';
comment on column sips.is_deceased_before_initial is 'Avliden före möte: closed as deceased before any initial meeting (left out of coverage).';
comment on column sips.is_closed_before_opened is 'Avslutad före start: closed_date before need_detected_date (data-quality flag).';
comment on column sips.is_closed_without_reason is 'Avslutad utan orsak: closed_date without closure_reason (data-quality flag).';
comment on column sips.in_coverage is 'Ingår i genomförandegrad: not declined and not deceased before an initial meeting (the set R of kpis.md).';
comment on column sips.is_due is 'Förfallen: in coverage and either met or past its target window at the as-of date (the due SIPs of kpis.md).';
comment on column sips.has_given_consent is 'Samtycke lämnat: the SIP has a given consent decided on or before the as-of date.';

-- survey_answers
comment on table survey_answers is 'Brukarrevision, svarsvärden: one row per answer to a question in a response (source, response_id, question_id), with the question''s scale and the answer rescaled to an index 0–100.';
comment on column survey_answers.question_id is 'Fråga i enkäten.';
comment on column survey_answers.value is 'Svarsvärde on the question''s scale; null = no answer / vet ej.';
comment on column survey_answers.index_value is 'Indexvärde 0–100: the answer rescaled linearly from scale_min…scale_max (SKR''s convention).';
comment on column survey_answers.is_top_box is 'Topplådan: the answer is one of the two best steps (value ≥ scale_max - 1).';

-- survey_questions
comment on table survey_questions is 'Brukarrevision, frågor: one row per survey question (source, survey_id, question_id).';
comment on column survey_questions.question_id is 'Fråga: the question id, unique within the survey.';
comment on column survey_questions.text_sv is 'Frågetext: the question as asked, in Swedish.';

-- survey_responses
comment on table survey_responses is 'Brukarrevision, svar: one row per response (enkätsvar) (source, response_id): who answered, when, where.';


-- ======== reference tables (sql/ref, core/ref_groups)

-- kpi_labels
comment on table kpi_labels is 'Etiketter: one row per label of the catalogue in Swedish and English: families, breakdowns, units, directions, statuses, trends and the groups of every breakdown.';
comment on column kpi_labels.kind is 'Slag: family, breakdown, unit, direction, status, trend, or group:<breakdown>.';
comment on column kpi_labels.code is 'Kod: the code labelled (a family id, breakdown, unit, status, group value …).';
comment on column kpi_labels.label_sv is 'Etikett på svenska.';
comment on column kpi_labels.label_en is 'Label in English.';

-- ref_codes
comment on table ref_codes is 'Kodverk: one row per code of every code list, with its Swedish label (etikett).';
comment on column ref_codes.code_list is 'Kodverk: the code list''s name (e.g. context, org_type).';
comment on column ref_codes.code is 'Kod: the English code stored in the data.';
comment on column ref_codes.label is 'Etikett: the Swedish label shown in reports.';

-- ref_groups
comment on table ref_groups is 'Grupper: one row per breakdown and group value used in kpi_values, with the Swedish label.';
comment on column ref_groups.group_label_en is 'The group''s English label.';

-- ref_municipalities
comment on table ref_municipalities is 'Kommuner och län (SCB): one row per municipality (kommun), with its county (län).';
comment on column ref_municipalities.municipality_name is 'Kommunnamn (SCB).';
comment on column ref_municipalities.county_code is 'Länskod (SCB).';
comment on column ref_municipalities.county_name is 'Länsnamn (SCB).';

-- ref_org_types
comment on table ref_org_types is 'Verksamhetstyper: one row per org type, with its Swedish label and principal (huvudman).';
comment on column ref_org_types.label is 'Verksamhetstyp på svenska.';


-- ======== data quality (sql/dq, views/dq_summary)

-- dq_flags
comment on table dq_flags is 'Datakvalitetsflaggor: one row per row that breaks a data-quality rule (rule, table, source, row id).';
comment on column dq_flags.table_name is 'Tabell: the core table the flagged row is in.';
comment on column dq_flags.row_id is 'Rad: the flagged row''s id in its table.';
comment on column dq_flags.sip_id is 'SIP the flagged row belongs to (for tracing; null if none).';

-- dq_rules
comment on table dq_rules is 'Datakvalitetsregler: one row per data-quality rule (logical check; flagged rows are loaded but left out of the KPIs they would distort).';

-- dq_summary
comment on view dq_summary is 'Datakvalitet, sammanfattning: one row per rule, table and source, with the number of rows flagged.';
comment on column dq_summary.rows_flagged is 'Antal flaggade rader.';


-- ======== KPI tables (catalog, assemble, compare) and the family views (their columns: docs/kpi_family.sql)

-- kpi_attendance
comment on view kpi_attendance is 'Nyckeltal, närvaro (attendance): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_catalog
comment on table kpi_catalog is 'Nyckeltalskatalog: one row per KPI (nyckeltal) with its metadata: Swedish and English name, unit, direction, target, definition, breakdowns.';
comment on column kpi_catalog.family is 'Familj: the KPI family (coverage, lead_times, attendance, …).';
comment on column kpi_catalog.name_sv is 'Namn på svenska (report label).';
comment on column kpi_catalog.name_en is 'Name in English.';
comment on column kpi_catalog.unit is 'Enhet: count, share (andel 0…1), days, rate, index, mean.';
comment on column kpi_catalog.direction is 'Riktning: higher or lower is better, or neutral.';
comment on column kpi_catalog.target is 'Målvärde in the value''s unit (a share target is 0…1), set in the settings file''s [targets]; null = none (none is shipped).';
comment on column kpi_catalog.target_source is 'Källa för målvärdet (setting or guidance).';
comment on column kpi_catalog.definition_sv is 'Definition på svenska.';
comment on column kpi_catalog.definition_en is 'Definition in English.';
comment on column kpi_catalog.breakdowns is 'Indelningar the KPI is computed for besides total.';
comment on column kpi_catalog.requires is 'Kräver: optional contract tables the KPI needs; absent means no data.';
comment on column kpi_catalog.sort_order is 'Ordning in reports.';
comment on column kpi_catalog.target_op is 'Målets riktning: >= or <= with target; null without a target.';
comment on column kpi_catalog.reference_line is 'Referenslinje: a level drawn beside the values, not a target (21 days for the median and p90 lead time); null otherwise.';
comment on column kpi_catalog.observation_window_days is 'Observationsfönster W (days): a value for period P is preliminary while end of P + W > the as-of date (90 for coverage, lead times …; the follow-up tolerance for follow-up KPIs; 0 for counts).';
comment on column kpi_catalog.headline is 'Huvudnyckeltal: one of the ≈8 headline KPIs of a steering summary.';
comment on column kpi_catalog.is_point_in_time is 'Lägesbild vid A: a count at the as-of date (followups_overdue), one value in the latest period, no trend.';
comment on column kpi_catalog.is_detail is 'Detalj: a KPI that details another (lead-time quartiles, breakdown-only KPIs, survey means and top-box shares).';
comment on column kpi_catalog.family_sv is 'Familjens namn på svenska.';
comment on column kpi_catalog.family_en is 'Family name in English.';
comment on column kpi_catalog.unit_sv is 'Enhetens namn på svenska.';
comment on column kpi_catalog.unit_en is 'Unit name in English.';

-- kpi_closure
comment on view kpi_closure is 'Nyckeltal, avslut (closure): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_consent
comment on view kpi_consent is 'Nyckeltal, samtycke (consent): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_coverage
comment on view kpi_coverage is 'Nyckeltal, genomförandegrad (coverage): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_deviations
comment on view kpi_deviations is 'Nyckeltal, avvikelser (deviations): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_follow_up
comment on view kpi_follow_up is 'Nyckeltal, uppföljning (follow-up): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_funnel
comment on table kpi_funnel is 'Trattdiagram (funnel plot): one row per period × share KPI × municipality with a published value (suppressed municipalities, and those whose region value is suppressed, are left out; so is the group unknown). The municipality''s share against the limits of its region''s share: centre ± z·sqrt(centre·(1 − centre)/n), z = 1.959964 (95 %) and 3.090232 (99.8 %), clipped to 0…1 (normal approximation, Spiegelhalter 2005).';
comment on column kpi_funnel.period is 'Period: quarter label (e.g. 2026Q3) of kpi_values.';
comment on column kpi_funnel.kpi_id is 'Nyckeltal: the share KPI''s id (kpi_catalog.unit = share).';
comment on column kpi_funnel.region_code is 'Länskod of the municipality''s region (the first two digits of its kommunkod), whose share is the centre.';
comment on column kpi_funnel.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text).';
comment on column kpi_funnel.municipality_name is 'Kommun: the SCB name (kpi_values.group_label).';
comment on column kpi_funnel.value is 'Andel: the municipality''s share (0…1), as in kpi_values.';
comment on column kpi_funnel.numerator is 'Täljare: the municipality''s numerator.';
comment on column kpi_funnel.denominator is 'Nämnare: the municipality''s denominator n, the funnel''s x axis.';
comment on column kpi_funnel.centre is 'Mittlinje: the region''s share for the same period and KPI.';
comment on column kpi_funnel.lower_95 is 'Nedre 95 %-gräns: centre − 1.959964·sqrt(centre·(1 − centre)/denominator), at least 0.';
comment on column kpi_funnel.upper_95 is 'Övre 95 %-gräns: centre + 1.959964·sqrt(centre·(1 − centre)/denominator), at most 1.';
comment on column kpi_funnel.lower_998 is 'Nedre 99,8 %-gräns: centre − 3.090232·sqrt(centre·(1 − centre)/denominator), at least 0.';
comment on column kpi_funnel.upper_998 is 'Övre 99,8 %-gräns: centre + 3.090232·sqrt(centre·(1 − centre)/denominator), at most 1.';
comment on column kpi_funnel.preliminary is 'Preliminär: the value is preliminary in kpi_values (end of the period + the KPI''s observation window > the as-of date); compare on the latest final period.';
comment on column kpi_funnel.signal is 'Signal: the value lies strictly outside the 99.8 % limits, so the municipality differs from its region beyond chance; inside, a ranking is noise.';

-- kpi_goals
comment on view kpi_goals is 'Nyckeltal, måluppfyllelse (goals): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_lead_times
comment on view kpi_lead_times is 'Nyckeltal, ledtider (lead times): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_participation
comment on view kpi_participation is 'Nyckeltal, delaktighet (participation): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_plan
comment on view kpi_plan is 'Nyckeltal, planens innehåll (plan content): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_settings
comment on table kpi_settings is 'Inställningar: one row per setting (targets, tolerances, threshold) and the as-of date kpi_values was computed with.';
comment on column kpi_settings.key is 'Inställning: the setting''s name.';
comment on column kpi_settings.value is 'Värde of the setting, as text.';

-- kpi_spc
comment on table kpi_spc is 'Styrdiagram (SPC p-chart) by month: one row per KPI × series × month of the trend window (the 8 quarters up to the quarter of the as-of date, to the month of the as-of date) for coverage, within_target_share, summoned_attendance_share and followup_on_time_share. Series: breakdown total, and region (per county) when the database holds several regions (a municipality scope, transform.ScopeTables, shadows this table with the municipality''s own total series). Monthly units are those of the quarterly KPIs, so the months of a quarter sum to kpi_values. Anhøj''s run rules (Anhøj & Olesen 2014; Anhøj 2015; as qicharts2 computes them) mark a non-random shift.';
comment on column kpi_spc.kpi_id is 'Nyckeltal: coverage, within_target_share, summoned_attendance_share or followup_on_time_share.';
comment on column kpi_spc.breakdown is 'Indelning: total (the whole database) or region (one series per county, only when the database holds more than one region).';
comment on column kpi_spc.group_value is 'Grupp: empty for total, the county code (länskod) for region.';
comment on column kpi_spc.month is 'Månad: the first day of the month the units fall in (need date for coverage and within_target_share, the meeting''s held date for summoned_attendance_share, next_follow_up_date for followup_on_time_share).';
comment on column kpi_spc.quarter is 'Kvartal: the quarter of the month (e.g. 2026Q3), the period of kpi_values.';
comment on column kpi_spc.value is 'Andel: numerator / denominator; null for a month without units.';
comment on column kpi_spc.numerator is 'Täljare: the month''s numerator, as the quarterly KPI defines it.';
comment on column kpi_spc.denominator is 'Nämnare: the month''s denominator nᵢ (0 = no units).';
comment on column kpi_spc.centre is 'Mittlinje p: Σ numerators / Σ denominators over the series'' final (not preliminary) months; the same on every month of the series.';
comment on column kpi_spc.lcl is 'Nedre styrgräns: p − 3·sqrt(p(1 − p)/nᵢ), at least 0; null without units.';
comment on column kpi_spc.ucl is 'Övre styrgräns: p + 3·sqrt(p(1 − p)/nᵢ), at most 1; null without units.';
comment on column kpi_spc.preliminary is 'Preliminär: month end + the KPI''s observation window > the as-of date (90 days for coverage and within_target_share, the follow-up tolerance for followup_on_time_share, 0 for summoned_attendance_share): its outcome can still change. Left out of the centre and the run rules, never a signal; draw it hollow.';
comment on column kpi_spc.outside_limits is 'Utanför styrgränserna: a final month''s value strictly below lcl or above ucl (a special cause).';
comment on column kpi_spc.run_signal is 'Skiftsignal (Anhøj): the series has a run on one side of the centre longer than longest_run_max or fewer crossings than crossings_min; the same on every month of the series.';
comment on column kpi_spc.in_long_run is 'I för lång serie: the month belongs to a run longer than longest_run_max (draw it highlighted).';
comment on column kpi_spc.n_useful is 'Användbara punkter n: the series'' final months with a value that are not on the centre line; the rules read these.';
comment on column kpi_spc.longest_run is 'Längsta serie: the most consecutive useful points on one side of the centre (points on the centre line neither break nor extend a run); null when n = 0.';
comment on column kpi_spc.longest_run_max is 'Övre gräns för längsta serie: round(log2(n)) + 3 (Anhøj & Olesen 2014, after Schilling 2012), e.g. 6 for n = 10, 7 for n = 12…22, 8 for n = 23…45.';
comment on column kpi_spc.crossings is 'Korsningar: times the useful points cross the centre line (runs − 1).';
comment on column kpi_spc.crossings_min is 'Nedre gräns för korsningar: the 5th percentile of binomial(n − 1, 0.5), R''s qbinom(0.05, n − 1, 0.5) (Anhøj & Olesen 2014, after Chen 2010), e.g. 2 for n = 10, 5 for n = 17–18, 6 for n = 19–21, 7 for n = 22–23, 8 for n = 24–26.';

-- kpi_survey
comment on view kpi_survey is 'Nyckeltal, brukarrevision (user audit): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_values
comment on table kpi_values is 'Nyckeltalsvärden: one row per period (kvartal) × KPI × breakdown × group, exact figures (not suppressed).';
comment on column kpi_values.period is 'Period: a calendar quarter such as 2026Q3 (kvartal).';
comment on column kpi_values.period_start is 'Periodens första dag.';
comment on column kpi_values.period_end is 'Periodens sista dag (inclusive).';
comment on column kpi_values.value is 'Värde: the KPI value in its unit (a share 0…1); null where nothing to compute.';
comment on column kpi_values.numerator is 'Täljare: the numerator of a share (null otherwise).';
comment on column kpi_values.denominator is 'Nämnare: the denominator of a share (null otherwise).';
comment on column kpi_values.n is 'Antal enheter: the number of units behind the value (the small-number rule looks at it).';
comment on column kpi_values.excluded is 'Exkluderade: units left out because of a data-quality flag.';
comment on column kpi_values.no_data is 'Uppgift saknas: an optional table the KPI needs was not delivered ("-", never 0).';
comment on column kpi_values.preliminary is 'Preliminärt: true while the period''s end + the KPI''s observation window (kpi_catalog.observation_window_days) is after the as-of date; the value can still change (kpis.md Preliminary values).';
comment on column kpi_values.status is 'Status mot mål: met | not_met against the KPI''s target (kpi_catalog.target, set in the settings file''s [targets]); none without a target or value, or for a preliminary value.';
comment on column kpi_values.trend is 'Trend mot samma kvartal året före: better | worse | unchanged (within random variation, p ≥ 0.05: two-proportion test for shares, Poisson test for counts, medians by the change only), direction-aware; none for neutral KPIs or without a comparison.';
comment on column kpi_values.reference_value is 'Referensvärde: beside a municipality its region''s value, beside a region (or the total) the nation''s when the database holds all regions; null otherwise.';

-- kpi_ways_of_working
comment on view kpi_ways_of_working is 'Nyckeltal, arbetssätt (ways of working): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';


-- ======== ingest's load tables (load_*), documented with the rest of main

-- load_files
comment on table load_files is 'Inlästa filer: one row per source and table delivered: rows read, loaded and rejected.';
comment on column load_files.table_name is 'Tabell: the contract table the file holds.';
comment on column load_files.format is 'Filformat: csv, xlsx or parquet.';
comment on column load_files.encoding is 'Teckenkodning detected (utf-8, windows-1252, …).';
comment on column load_files.delimiter is 'Avgränsare (CSV delimiter).';
comment on column load_files.rows_read is 'Lästa rader.';
comment on column load_files.rows_loaded is 'Inlästa rader.';
comment on column load_files.rows_rejected is 'Avvisade rader.';

-- load_rejects
comment on table load_rejects is 'Avvisade rader: one row per rejected input row and reason (file, line, column).';
comment on column load_rejects.table_name is 'Tabell: the contract table of the rejected row.';
comment on column load_rejects.line is 'Rad i filen (1-based; header = 1; for XLSX the sheet row).';
comment on column load_rejects.column_name is 'Kolumn the rejection is about.';
comment on column load_rejects.reason is 'Orsak: why the row was rejected.';

-- load_sources
comment on table load_sources is 'Inläsningar: one row per source (leverantör/extrakt) loaded, with its as-of date (extracted_at).';
comment on column load_sources.region_code is 'Länskod of the extract''s region (manifest region_code).';
comment on column load_sources.contract_version is 'Version of the data contract the extract declares.';
comment on column load_sources.loaded_at is 'Inläst: when the load ran (UTC).';
comment on column load_sources.fingerprint is 'Fingeravtryck: hash of the extract''s files (a repeated load is recognised).';
comment on column load_sources.extract_dir is 'Katalog the extract was loaded from.';

-- load_warnings
comment on table load_warnings is 'Varningar vid inläsning: one row per warning (such as columns outside the contract, which are ignored).';
comment on column load_warnings.message is 'Meddelande: the warning text.';
