-- compare_indicators: the cross-county comparison table.
-- Grain: county (adcode) x report_year x indicator_code. Counties are rows; pivot years or codes into columns,
-- e.g. PIVOT compare_indicators ON report_year USING first(value) GROUP BY county, indicator_code.
CREATE OR REPLACE VIEW compare_indicators AS
SELECT
    r.province,
    r.prefecture,
    r.adcode,
    r.county,
    r.report_year,
    v.indicator_code,
    v.value,
    v.unit,
    v.is_approx,
    v.from_value,
    v.n_mentions,
    r.report_id,
    r.url,
    v.surface,
    v.sentence
FROM core_indicator_values AS v
JOIN stg_reports AS r USING (report_id);
