-- docs/core.sql: COMMENT ON every core model (sql/core) and its columns,
-- Swedish term first. Grain: one statement per table, view or column.


-- consents
comment on table consents is 'Samtycken: one row per consent decision (source, consent_id), given or declined; join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column consents.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column consents.consent_id is 'Samtycke (pseudonym).';
comment on column consents.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column consents.decision is 'Beslut: given (lämnat) or declined (avböjt).';
comment on column consents.decision_date is 'Beslutsdatum for the consent.';
comment on column consents.scope is 'Omfattning: information_sharing, plan, both.';
comment on column consents.given_by is 'Lämnat av: individual, guardian (vårdnadshavare), both_guardians, representative (god man, förvaltare, framtidsfullmakt).';
comment on column consents.withdrawn_date is 'Återtaget: the date the consent was withdrawn.';

-- deviations
comment on table deviations is 'Avvikelser: one row per deviation report about the SIP process (source, deviation_id).';
comment on column deviations.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column deviations.deviation_id is 'Avvikelse (pseudonym).';
comment on column deviations.reported_date is 'Rapporterad: the date the deviation was reported.';
comment on column deviations.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column deviations.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column deviations.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column deviations.category is 'Avvikelsekategori: no_initiative, absent_despite_summons, poor_treatment (dåligt bemötande), plan_not_followed, other.';
comment on column deviations.reported_by_org is 'Rapporterad av: org type that reported the deviation.';
comment on column deviations.concerns_org is 'Gäller: org type the deviation concerns.';

-- discharges
comment on table discharges is 'Utskrivningar från sluten vård (lag 2017:612): one row per discharge (source, discharge_id), with the linked SIP''s meeting facts and derived lead times.';
comment on column discharges.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column discharges.discharge_id is 'Utskrivning (pseudonym).';
comment on column discharges.person_id is 'Person (pseudonym): the person the row concerns.';
comment on column discharges.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column discharges.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column discharges.ready_for_discharge_date is 'Utskrivningsklar: the day the patient was reported ready for discharge.';
comment on column discharges.discharge_date is 'Utskrivningsdatum.';
comment on column discharges.care_type is 'Vårdtyp: somatic (somatisk) or psychiatric (psykiatrisk).';
comment on column discharges.needs_municipal is 'Behov av kommunala insatser after discharge.';
comment on column discharges.needs_outpatient is 'Behov av regionens öppna vård after discharge.';
comment on column discharges.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column discharges.needs_sip is 'Behov av SIP: needs from both principals (needs_municipal and needs_outpatient).';
comment on column discharges.has_linked_sip is 'Kopplad SIP: the discharge links to a SIP in scope.';
comment on column discharges.invitation_sent_date is 'Kallelse skickad: the date the summons was sent (null if after the as-of date).';
comment on column discharges.sip_first_held_date is 'The linked SIP''s first valid held meeting.';
comment on column discharges.sip_has_flagged_held is 'The linked SIP has a held meeting with a date flag.';
comment on column discharges.first_held_after_discharge_date is 'The linked SIP''s first held meeting on or after the discharge date.';
comment on column discharges.discharge_to_meeting_days is 'Ledtid utskrivning → SIP-möte (dagar).';
comment on column discharges.summons_days is 'Kallelse efter utskrivningsklar (dagar): invitation_sent_date - ready_for_discharge_date.';
comment on column discharges.sex is 'Kön: female, male, other, unknown.';
comment on column discharges.age_band is 'Åldersgrupp: 0-12, 13-17, 18-64, 65-79, 80+.';

-- goal_reviews
comment on view goal_reviews is 'Målbedömningar (måluppfyllelse): one row per goal and follow-up meeting (source, goal_id, meeting_id) where attainment was assessed (a view over the loaded reviews joined to goals and meetings); join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column goal_reviews.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column goal_reviews.goal_id is 'Delmål (pseudonym).';
comment on column goal_reviews.meeting_id is 'SIP-möte (pseudonym): the meeting.';
comment on column goal_reviews.status is 'Måluppfyllelse: achieved (uppfyllt), partly_achieved (delvis uppfyllt), not_achieved (ej uppfyllt), not_assessed.';
comment on column goal_reviews.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column goal_reviews.review_held_date is 'Bedömningsdatum: held date of the reviewing meeting.';
comment on column goal_reviews.review_meeting_has_date_flag is 'The reviewing meeting has a date flag (left out of goal KPIs).';
comment on column goal_reviews.review_period_date is 'Periodens datum for the reviewing meeting (held, else planned date).';
comment on column goal_reviews.is_at_set_meeting is 'Bedömd vid samma möte: the review is at the meeting where the goal was set, which is no review (data-quality rule goal_review_at_set_meeting).';

-- goals
comment on table goals is 'Delmål: one row per sub-goal in a plan (source, goal_id), with the meeting it was set at; join sips on (source, sip_id) for the SIP''s breakdown facts.';
comment on column goals.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column goals.goal_id is 'Delmål (pseudonym).';
comment on column goals.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column goals.set_at_meeting_id is 'Satt vid möte: the meeting where the goal was set.';
comment on column goals.area is 'Målområde: housing, occupation, mental_health, physical_health, substance_use, finances, social_network, daily_living, family, safety, other.';
comment on column goals.responsible_org is 'Ansvarig verksamhet: the org type responsible for the goal.';
comment on column goals.target_date is 'Måldatum: when the goal should be reached.';
comment on column goals.set_held_date is 'Datum då målet sattes: held date of set_at_meeting_id.';
comment on column goals.set_meeting_has_date_flag is 'The meeting the goal was set at has a date flag (left out of goal KPIs).';
comment on column goals.set_period_date is 'Periodens datum for the setting meeting (held, else planned date).';

-- interventions
comment on table interventions is 'Insatser: one row per intervention in a plan (source, intervention_id): who does what, with the principal (huvudman) of the org type.';
comment on column interventions.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column interventions.intervention_id is 'Insats (pseudonym).';
comment on column interventions.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column interventions.org_type is 'Verksamhetstyp (org type); ref_org_types has the label and principal.';
comment on column interventions.principal is 'Huvudman: municipality (kommun), region, state (stat) or other.';
comment on column interventions.start_date is 'Startdatum for the intervention.';
comment on column interventions.end_date is 'Slutdatum for the intervention.';

-- meetings
comment on table meetings is 'SIP-möten: one row per meeting (source, meeting_id), held, cancelled or planned, with the SIP''s breakdown facts, the age at the meeting and data-quality facts.';
comment on column meetings.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column meetings.meeting_id is 'SIP-möte (pseudonym): the meeting.';
comment on column meetings.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column meetings.kind is 'Mötestyp: initial (första SIP-mötet, där planen upprättas) or follow_up (uppföljning).';
comment on column meetings.planned_date is 'Planerat datum: the date the meeting was booked for.';
comment on column meetings.status is 'Status: held (genomfört), cancelled (inställt), planned (planerat).';
comment on column meetings.held_date is 'Genomfört datum: the date the meeting was held.';
comment on column meetings.mode is 'Mötesform: in_person (fysiskt), video, phone, hybrid.';
comment on column meetings.individual_participation is 'Den enskildes deltagande: present, represented (företrädd), absent.';
comment on column meetings.child_participation is 'Barnets deltagande: present, absent, not_applicable.';
comment on column meetings.plan_established is 'Plan upprättad at this meeting.';
comment on column meetings.next_follow_up_date is 'Nästa uppföljning: the follow-up date agreed at this meeting.';
comment on column meetings.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column meetings.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column meetings.context is 'Sammanhang: discharge (utskrivning från sluten vård), child_placement (placering av barn/unga utanför hemmet), standard (SoL/HSL).';
comment on column meetings.target_group is 'Målgrupp: mental_health, substance_use, elderly_multimorbid, child_youth, disability, other.';
comment on column meetings.sex is 'Kön: female, male, other, unknown.';
comment on column meetings.birth_year is 'Födelseår (year of birth).';
comment on column meetings.need_detected_date is 'Behov upptäckt: when the need for coordination was noticed or requested.';
comment on column meetings.sip_closed_date is 'SIP:ens avslutsdatum (sips.closed_date).';
comment on column meetings.extracted_at is 'Uttagsdatum: the as-of date of the extract the row came from (load_sources.extracted_at).';
comment on column meetings.is_held is 'Genomfört: status held and not after the as-of date.';
comment on column meetings.is_held_without_date is 'Genomfört utan datum (data-quality flag).';
comment on column meetings.is_held_before_need is 'Genomfört före behov: held before need_detected_date (data-quality flag).';
comment on column meetings.is_held_after_as_of is 'Genomfört efter uttagsdatum: held after the extract''s date (data-quality flag).';
comment on column meetings.is_held_without_mode is 'Genomfört utan mötesform (data-quality flag).';
comment on column meetings.is_held_without_individual_participation is 'Genomfört utan uppgift om den enskildes deltagande (data-quality flag).';
comment on column meetings.age_at_meeting is 'Ålder vid mötet: year(held or planned date) - birth_year.';
comment on column meetings.has_date_flag is 'Datumflagga: the (meeting''s) date breaks a data-quality rule; left out of KPIs.';
comment on column meetings.is_valid_held is 'Giltigt genomfört: held with a plausible date; only these count as held in any KPI.';
comment on column meetings.period_date is 'Periodens datum: held date, else planned date; places the row in a period.';
comment on column meetings.is_child is 'Barn: under 18 (for a SIP at the need, for a meeting at the meeting).';
comment on column meetings.age_band is 'Åldersgrupp: 0-12, 13-17, 18-64, 65-79, 80+.';

-- participants
comment on view participants is 'Deltagare (kallade och inbjudna): one row per participant (source, participant_id) of a meeting, with the attendance (närvaro) and the meeting''s facts and breakdown facts (a view over the loaded participants joined to meetings).';
comment on column participants.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column participants.participant_id is 'Deltagare (pseudonym).';
comment on column participants.meeting_id is 'SIP-möte (pseudonym): the meeting.';
comment on column participants.org_type is 'Verksamhetstyp (org type); ref_org_types has the label and principal.';
comment on column participants.role is 'Roll: summoned (kallad, obliged to come) or invited (inbjuden).';
comment on column participants.attendance is 'Närvaro: attended (deltog), substitute (ersättare), absent_notified (förhinder anmält), absent (uteblev).';
comment on column participants.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column participants.held_date is 'Genomfört datum: the date the meeting was held.';
comment on column participants.period_date is 'Periodens datum: held date, else planned date; places the row in a period.';
comment on column participants.is_held is 'Genomfört: status held and not after the as-of date.';
comment on column participants.is_valid_held is 'Giltigt genomfört: held with a plausible date; only these count as held in any KPI.';
comment on column participants.has_date_flag is 'Datumflagga: the (meeting''s) date breaks a data-quality rule; left out of KPIs.';
comment on column participants.mode is 'Mötesform: in_person (fysiskt), video, phone, hybrid.';
comment on column participants.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column participants.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column participants.context is 'Sammanhang: discharge (utskrivning från sluten vård), child_placement (placering av barn/unga utanför hemmet), standard (SoL/HSL).';
comment on column participants.target_group is 'Målgrupp: mental_health, substance_use, elderly_multimorbid, child_youth, disability, other.';
comment on column participants.age_band is 'Åldersgrupp: 0-12, 13-17, 18-64, 65-79, 80+.';
comment on column participants.sex is 'Kön: female, male, other, unknown.';
comment on column participants.is_missing_attendance is 'Närvaro saknas: the meeting was held but attendance is blank (data-quality flag).';

-- persons
comment on table persons is 'Personer (individer): one row per person (source, person_id), pseudonymised; birth year and sex only.';
comment on column persons.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column persons.person_id is 'Person (pseudonym): the person the row concerns.';
comment on column persons.birth_year is 'Födelseår (year of birth).';
comment on column persons.sex is 'Kön: female, male, other, unknown.';

-- population
comment on table population is 'Befolkning (SCB, 31 december): one row per municipality and year (source, municipality_code, year).';
comment on column population.source is 'Källa: the extract the population figures came from.';
comment on column population.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column population.year is 'År (population year, 31 December).';
comment on column population.population is 'Folkmängd (SCB population count).';

-- sips
comment on table sips is 'SIP-processer (samordnad individuell plan): one row per SIP (source, sip_id), from upptäckt behov to avslut, with the person''s facts, consent state, initial meeting, ledtid (lead time) and the flags the KPIs use. Only SIPs whose need was detected on or before the as-of date.';
comment on column sips.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column sips.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
comment on column sips.person_id is 'Person (pseudonym): the person the row concerns.';
comment on column sips.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column sips.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column sips.context is 'Sammanhang: discharge (utskrivning från sluten vård), child_placement (placering av barn/unga utanför hemmet), standard (SoL/HSL).';
comment on column sips.target_group is 'Målgrupp: mental_health, substance_use, elderly_multimorbid, child_youth, disability, other.';
comment on column sips.initiated_by is 'Initierad av: the org type that noticed the need, or individual (den enskilde) or relative (närstående).';
comment on column sips.need_detected_date is 'Behov upptäckt: when the need for coordination was noticed or requested.';
comment on column sips.request_denied is 'Begäran nekad: the individual''s or a relative''s request for a SIP was denied.';
comment on column sips.invitation_sent_date is 'Kallelse skickad: the date the summons was sent (null if after the as-of date).';
comment on column sips.lead_org is 'Huvudansvarig / samordnare: the org type with overall responsibility.';
comment on column sips.has_long_term_goal is 'Långsiktigt mål: a long-term goal ("Vad är viktigt för dig?") is recorded.';
comment on column sips.record_system is 'Dokumentationssystem: shared_it_service (gemensam IT-tjänst), local_records, paper.';
comment on column sips.closed_date is 'Avslutad: closure date (null if open at the as-of date).';
comment on column sips.closure_reason is 'Avslutsorsak: needs_met, no_new_needs, consent_withdrawn, goal_changed_restart, moved, deceased, other.';
comment on column sips.restart_of is 'Omstart av: sip_id of the SIP this one restarts.';
comment on column sips.birth_year is 'Födelseår (year of birth).';
comment on column sips.sex is 'Kön: female, male, other, unknown.';
comment on column sips.extracted_at is 'Uttagsdatum: the as-of date of the extract the row came from (load_sources.extracted_at).';
comment on column sips.age_at_need is 'Ålder vid behov: year(need_detected_date) - birth_year.';
comment on column sips.is_child is 'Barn: under 18 (for a SIP at the need, for a meeting at the meeting).';
comment on column sips.is_declined is 'Avböjd: the SIP has a declined consent and no later given consent.';
comment on column sips.initial_meeting_id is 'Första SIP-mötet: the initial meeting held (the earliest valid one).';
comment on column sips.initial_held_date is 'Datum för första SIP-mötet (initial meeting held).';
comment on column sips.has_flagged_initial is 'Flaggat första möte: an initial meeting marked held has an implausible date (left out of lead times).';
comment on column sips.flagged_initial_date is 'Datum för flaggat första möte: the held or planned date of the earliest flagged initial meeting.';
comment on column sips.has_flagged_held is 'Flaggat möte: some meeting of the SIP marked held has an implausible date.';
comment on column sips.first_held_date is 'Första genomförda möte: the earliest valid held meeting of any kind.';
comment on column sips.lead_time_days is 'Ledtid (dagar): initial_held_date - need_detected_date; null without an initial meeting.';
comment on column sips.age_band is 'Åldersgrupp: 0-12, 13-17, 18-64, 65-79, 80+.';
comment on column sips.target_days is 'Målvärde (dagar): the target for need → initial meeting that applies to this SIP (default 21, tre veckor).';
comment on column sips.is_deceased_before_initial is 'Avliden före möte: closed as deceased before any initial meeting (left out of coverage).';
comment on column sips.is_closed_before_opened is 'Avslutad före start: closed_date before need_detected_date (data-quality flag).';
comment on column sips.is_closed_without_reason is 'Avslutad utan orsak: closed_date without closure_reason (data-quality flag).';
comment on column sips.in_coverage is 'Ingår i genomförandegrad: not declined and not deceased before an initial meeting (the set R of kpis.md).';
comment on column sips.is_due is 'Förfallen: in coverage and either met or past its target window at the as-of date (the due SIPs of kpis.md).';
comment on column sips.has_given_consent is 'Samtycke lämnat: the SIP has a given consent decided on or before the as-of date.';

-- survey_answers
comment on table survey_answers is 'Brukarrevision, svarsvärden: one row per answer to a question in a response (source, response_id, question_id), with the question''s scale and the answer rescaled to an index 0–100.';
comment on column survey_answers.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column survey_answers.response_id is 'Enkätsvar (pseudonym).';
comment on column survey_answers.question_id is 'Fråga i enkäten.';
comment on column survey_answers.value is 'Svarsvärde on the question''s scale; null = no answer / vet ej.';
comment on column survey_answers.survey_id is 'Enkät (brukarrevision).';
comment on column survey_answers.response_date is 'Svarsdatum.';
comment on column survey_answers.respondent is 'Svarande: individual (den enskilde), guardian (vårdnadshavare), child_youth (barn/unga), relative (närstående).';
comment on column survey_answers.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column survey_answers.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column survey_answers.dimension is 'Dimension: information, participation (delaktighet), coordination (samordning), meaningfulness (meningsfullhet), treatment (bemötande), outcome, overall.';
comment on column survey_answers.scale_min is 'Skalans minimum.';
comment on column survey_answers.scale_max is 'Skalans maximum.';
comment on column survey_answers.index_value is 'Indexvärde 0–100: the answer rescaled linearly from scale_min…scale_max (SKR''s convention).';
comment on column survey_answers.is_top_box is 'Topplådan: the answer is one of the two best steps (value ≥ scale_max - 1).';

-- survey_questions
comment on table survey_questions is 'Brukarrevision, frågor: one row per survey question (source, survey_id, question_id).';
comment on column survey_questions.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column survey_questions.survey_id is 'Enkät (brukarrevision).';
comment on column survey_questions.question_id is 'Fråga: the question id, unique within the survey.';
comment on column survey_questions.dimension is 'Dimension: information, participation (delaktighet), coordination (samordning), meaningfulness (meningsfullhet), treatment (bemötande), outcome, overall.';
comment on column survey_questions.text_sv is 'Frågetext: the question as asked, in Swedish.';
comment on column survey_questions.scale_min is 'Skalans minimum.';
comment on column survey_questions.scale_max is 'Skalans maximum.';

-- survey_responses
comment on table survey_responses is 'Brukarrevision, svar: one row per response (enkätsvar) (source, response_id): who answered, when, where.';
comment on column survey_responses.source is 'Källa: the extract''s source (manifest source); ids are unique within a source.';
comment on column survey_responses.response_id is 'Enkätsvar (pseudonym).';
comment on column survey_responses.survey_id is 'Enkät (brukarrevision).';
comment on column survey_responses.response_date is 'Svarsdatum.';
comment on column survey_responses.respondent is 'Svarande: individual (den enskilde), guardian (vårdnadshavare), child_youth (barn/unga), relative (närstående).';
comment on column survey_responses.region_code is 'Länskod (SCB county code, 2 digits), e.g. 01 Stockholm.';
comment on column survey_responses.municipality_code is 'Kommunkod (SCB municipality code, 4 digits, text), e.g. 0180; ref_municipalities has the name.';
comment on column survey_responses.sip_id is 'SIP (pseudonym): the SIP process the row belongs to.';
