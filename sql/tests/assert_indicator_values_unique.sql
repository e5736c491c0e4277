-- One value per report and code; one cell per county, year and code in compare_indicators.
SELECT report_id AS key_value, indicator_code, count(*) AS row_count
FROM core_indicator_values
GROUP BY ALL
HAVING count(*) > 1
UNION ALL
SELECT adcode || '-' || report_year, indicator_code, count(*)
FROM compare_indicators
GROUP BY adcode, report_year, indicator_code
HAVING count(*) > 1;
