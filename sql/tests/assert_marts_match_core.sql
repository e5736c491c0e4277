-- Marts agree with the core: one matrix/disputes/timeliness row per active report, one rank per
-- compare_indicators cell, matrix cells equal compare_indicators values, ranks within their counts,
-- timeliness arithmetic right.
SELECT 'matrix rows' AS problem, CAST(count(*) AS VARCHAR) AS detail
FROM mart_indicator_matrix
HAVING count(*) <> (SELECT count(*) FROM core_reports WHERE is_active)
UNION ALL
SELECT 'disputes rows', CAST(count(*) AS VARCHAR)
FROM mart_admin_disputes
HAVING count(*) <> (SELECT count(*) FROM core_reports WHERE is_active)
UNION ALL
SELECT 'timeliness rows', CAST(count(*) AS VARCHAR)
FROM mart_report_timeliness
HAVING count(*) <> (SELECT count(*) FROM core_reports WHERE is_active)
UNION ALL
SELECT 'matrix indicator_count', CAST(sum(indicator_count) AS VARCHAR)
FROM mart_indicator_matrix
HAVING sum(indicator_count) <> (SELECT count(*) FROM compare_indicators)
UNION ALL
SELECT 'litigation value', m.report_id
FROM mart_admin_disputes AS m
JOIN compare_indicators AS c ON c.report_id = m.report_id AND c.indicator_code = 'admin_litigation_cases'
WHERE m.litigation_cases_count <> c.value
UNION ALL
SELECT 'rank out of range', report_id || ' ' || indicator_code
FROM mart_indicator_ranks
WHERE prefecture_rank NOT BETWEEN 1 AND prefecture_county_count
    OR province_rank NOT BETWEEN 1 AND province_county_count
    OR prefecture_county_count > province_county_count
UNION ALL
SELECT 'timeliness arithmetic', report_id
FROM mart_report_timeliness
WHERE days_late < 0 OR (days_late > 0) = is_on_time OR mandated_parts_count NOT BETWEEN 0 AND 5
    OR is_complete <> (mandated_parts_count = 5) OR len(missing_parts) <> 5 - mandated_parts_count
UNION ALL
SELECT 'change arithmetic', report_id || ' ' || indicator_code
FROM mart_indicator_changes
WHERE abs(change_value - (value - previous_value)) > 1e-9 OR previous_report_year <> report_year - 1;
