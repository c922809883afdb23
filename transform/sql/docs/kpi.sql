-- docs/kpi.sql: COMMENT ON the KPI tables (catalog, assemble, compare) and
-- their columns, and on each family view kpi_<family> (its columns are in
-- docs/kpi_family.sql). Swedish term first. Grain: one statement per table,
-- view or column.


-- kpi_attendance
comment on view kpi_attendance is 'Nyckeltal, närvaro (attendance): kpi_values of this family joined with the catalogue''s name, unit and order; one row per period × KPI × breakdown × group.';

-- kpi_catalog
comment on table kpi_catalog is 'Nyckeltalskatalog: one row per KPI (nyckeltal) with its metadata: Swedish and English name, unit, direction, target, definition, breakdowns.';
comment on column kpi_catalog.kpi_id is 'Nyckeltal: the KPI''s stable id (kpi_catalog).';
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
comment on column kpi_values.kpi_id is 'Nyckeltal: the KPI''s stable id (kpi_catalog).';
comment on column kpi_values.breakdown is 'Indelning: total, region, municipality, context, target_group, age_band, sex, org_type, mode, …';
comment on column kpi_values.group_value is 'Grupp: the group''s code within the breakdown; empty string for total.';
comment on column kpi_values.group_label is 'Gruppens svenska etikett (municipality name, code label).';
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
