-- core_reports has one row per report_id, and one report per county and year.
SELECT report_id, count(*) AS row_count
FROM core_reports
GROUP BY report_id
HAVING count(*) > 1
UNION ALL
SELECT adcode || '-' || report_year, count(*)
FROM core_reports
GROUP BY adcode, report_year
HAVING count(*) > 1;
