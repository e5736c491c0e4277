-- mart_coverage is the full county x year grid, every report in it is accounted for, and each status is
-- one of the documented ones.
WITH bounds AS (SELECT min(report_year) AS lo, max(report_year) AS hi FROM mart_coverage)
SELECT 'grid size' AS problem, CAST(count(*) AS VARCHAR) AS detail
FROM mart_coverage, bounds
GROUP BY bounds.lo, bounds.hi
HAVING count(*) <> (SELECT count(*) FROM core_counties) * (bounds.hi - bounds.lo + 1)
UNION ALL
SELECT 'report not covered', r.report_id
FROM core_reports AS r
LEFT JOIN mart_coverage AS c USING (report_id)
WHERE c.report_id IS NULL
UNION ALL
SELECT 'bad status', coverage_status
FROM mart_coverage
WHERE coverage_status NOT IN ('loaded', 'withdrawn', 'portal_failed', 'not_crawled', 'missing')
    OR (coverage_status = 'loaded') <> is_loaded
UNION ALL
SELECT 'county without place', adcode
FROM core_counties
WHERE province IS NULL OR county IS NULL;
