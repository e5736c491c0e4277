-- mart_indicator_matrix: the indicator matrix in wide form — one column per indicator code (the value picked
-- by the rule of core_indicator_values; NULL where the report does not state it). Active reports only.
-- Grain: adcode x report_year. Column order follows the taxonomy (stg_indicator_codes); the long form with
-- provenance (sentence, URL) is compare_indicators. tests/unit/test_dictionary.py keeps the columns in step
-- with the taxonomy.
CREATE OR REPLACE VIEW mart_indicator_matrix AS
SELECT
    r.province,
    r.prefecture,
    r.adcode,
    r.county,
    r.report_year,
    r.report_id,
    r.url,
    count(v.indicator_code) AS indicator_count,
    max(v.value) FILTER (WHERE v.indicator_code = 'gov_meetings_rule_of_law') AS gov_meetings_rule_of_law,
    max(v.value) FILTER (WHERE v.indicator_code = 'party_meetings_rule_of_law') AS party_meetings_rule_of_law,
    max(v.value) FILTER (WHERE v.indicator_code = 'study_sessions_party_group') AS study_sessions_party_group,
    max(v.value) FILTER (WHERE v.indicator_code = 'study_sessions_exec_meeting') AS study_sessions_exec_meeting,
    max(v.value) FILTER (WHERE v.indicator_code = 'legal_adviser_opinions') AS legal_adviser_opinions,
    max(v.value) FILTER (WHERE v.indicator_code = 'normative_docs_reviewed') AS normative_docs_reviewed,
    max(v.value) FILTER (WHERE v.indicator_code = 'normative_docs_filed') AS normative_docs_filed,
    max(v.value) FILTER (WHERE v.indicator_code = 'normative_docs_cleaned') AS normative_docs_cleaned,
    max(v.value) FILTER (WHERE v.indicator_code = 'major_decisions_reviewed') AS major_decisions_reviewed,
    max(v.value) FILTER (WHERE v.indicator_code = 'contracts_reviewed') AS contracts_reviewed,
    max(v.value) FILTER (WHERE v.indicator_code = 'legality_reviews_total') AS legality_reviews_total,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_reconsideration_received') AS admin_reconsideration_received,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_reconsideration_closed') AS admin_reconsideration_closed,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_reconsideration_corrected') AS admin_reconsideration_corrected,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_litigation_cases') AS admin_litigation_cases,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_litigation_lost') AS admin_litigation_lost,
    max(v.value) FILTER (WHERE v.indicator_code = 'admin_litigation_loss_rate') AS admin_litigation_loss_rate,
    max(v.value) FILTER (WHERE v.indicator_code = 'head_court_appearance_rate') AS head_court_appearance_rate,
    max(v.value) FILTER (WHERE v.indicator_code = 'enforcement_staff') AS enforcement_staff,
    max(v.value) FILTER (WHERE v.indicator_code = 'enforcement_certified') AS enforcement_certified,
    max(v.value) FILTER (WHERE v.indicator_code = 'enforcement_training_sessions') AS enforcement_training_sessions,
    max(v.value) FILTER (WHERE v.indicator_code = 'enforcement_trainees') AS enforcement_trainees,
    max(v.value) FILTER (WHERE v.indicator_code = 'enforcement_cases') AS enforcement_cases,
    max(v.value) FILTER (WHERE v.indicator_code = 'pufa_activities') AS pufa_activities,
    max(v.value) FILTER (WHERE v.indicator_code = 'pufa_audience') AS pufa_audience,
    max(v.value) FILTER (WHERE v.indicator_code = 'pufa_materials') AS pufa_materials,
    max(v.value) FILTER (WHERE v.indicator_code = 'disputes_mediated') AS disputes_mediated,
    max(v.value) FILTER (WHERE v.indicator_code = 'disputes_mediation_success_rate') AS disputes_mediation_success_rate,
    max(v.value) FILTER (WHERE v.indicator_code = 'legal_aid_cases') AS legal_aid_cases,
    max(v.value) FILTER (WHERE v.indicator_code = 'approval_items') AS approval_items,
    max(v.value) FILTER (WHERE v.indicator_code = 'certification_items') AS certification_items,
    max(v.value) FILTER (WHERE v.indicator_code = 'market_entities_total') AS market_entities_total,
    max(v.value) FILTER (WHERE v.indicator_code = 'market_entities_new') AS market_entities_new,
    max(v.value) FILTER (WHERE v.indicator_code = 'tax_fee_relief') AS tax_fee_relief,
    max(v.value) FILTER (WHERE v.indicator_code = 'info_disclosure_requests') AS info_disclosure_requests
FROM core_reports AS r
LEFT JOIN core_indicator_values AS v USING (report_id)
WHERE r.is_active
GROUP BY ALL;
