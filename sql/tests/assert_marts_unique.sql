-- The grain of each mart holds: no key appears twice.
SELECT 'mart_admin_disputes' AS mart, adcode || '-' || report_year AS key_value, count(*) AS row_count
FROM mart_admin_disputes GROUP BY adcode, report_year HAVING count(*) > 1
UNION ALL
SELECT 'mart_report_timeliness', report_id, count(*)
FROM mart_report_timeliness GROUP BY report_id HAVING count(*) > 1
UNION ALL
SELECT 'mart_coverage', adcode || '-' || report_year, count(*)
FROM mart_coverage GROUP BY adcode, report_year HAVING count(*) > 1
UNION ALL
SELECT 'mart_indicator_matrix', adcode || '-' || report_year, count(*)
FROM mart_indicator_matrix GROUP BY adcode, report_year HAVING count(*) > 1
UNION ALL
SELECT 'mart_indicator_changes', adcode || '-' || report_year || '-' || indicator_code, count(*)
FROM mart_indicator_changes GROUP BY adcode, report_year, indicator_code HAVING count(*) > 1
UNION ALL
SELECT 'mart_indicator_ranks', adcode || '-' || report_year || '-' || indicator_code, count(*)
FROM mart_indicator_ranks GROUP BY adcode, report_year, indicator_code HAVING count(*) > 1
UNION ALL
SELECT 'core_counties', adcode, count(*)
FROM core_counties GROUP BY adcode HAVING count(*) > 1;
