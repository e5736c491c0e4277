-- mart_indicator_changes: year-over-year change of each indicator, per county.
-- Grain: adcode x indicator_code x report_year, for the cells of compare_indicators whose county also has a
-- value for the same code in the previous report year (report_year - 1). Active reports only.
-- change_value = value - previous_value; change_pct = 100 * change_value / previous_value (NULL when the
-- previous value is 0). is_approx: either value is approximate.
CREATE OR REPLACE VIEW mart_indicator_changes AS
SELECT
    cur.province,
    cur.prefecture,
    cur.adcode,
    cur.county,
    cur.indicator_code,
    cur.unit,
    cur.report_year,
    prev.report_year AS previous_report_year,
    cur.value,
    prev.value AS previous_value,
    cur.value - prev.value AS change_value,
    round(100.0 * (cur.value - prev.value) / nullif(prev.value, 0), 2) AS change_pct,
    cur.is_approx OR prev.is_approx AS is_approx,
    cur.report_id,
    prev.report_id AS previous_report_id,
    cur.url,
    prev.url AS previous_url,
    cur.sentence,
    prev.sentence AS previous_sentence
FROM compare_indicators AS cur
JOIN compare_indicators AS prev
    ON prev.adcode = cur.adcode
    AND prev.indicator_code = cur.indicator_code
    AND prev.report_year = cur.report_year - 1;
