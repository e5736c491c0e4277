-- compare_indicators: the indicator matrix in long form — the cross-county comparison table (active reports).
-- Grain: county (adcode) x report_year x indicator_code. One value per cell, picked by the rule in
-- core_indicator_values; surface/sentence/url/char_start tie it to the sentence that states it.
-- Pivot years or codes into columns, e.g.
-- PIVOT compare_indicators ON report_year USING first(value) GROUP BY county, indicator_code.
CREATE OR REPLACE VIEW compare_indicators AS
SELECT
    r.province,
    r.prefecture,
    r.adcode,
    r.county,
    r.report_year,
    v.indicator_code,
    c.label_zh AS indicator_label_zh,
    v.value,
    v.unit,
    v.is_approx,
    v.from_value,
    v.mention_count,
    v.distinct_value_count,
    r.report_id,
    r.url,
    r.published_date,
    v.section_path,
    v.surface,
    v.sentence,
    v.char_start,
    v.char_end,
    v.ocr_page,
    v.text_source
FROM core_indicator_values AS v
JOIN core_reports AS r USING (report_id)
LEFT JOIN stg_indicator_codes AS c USING (indicator_code)
WHERE r.is_active;
