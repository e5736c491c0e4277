-- mart_coverage: every registry county x every report year — is the report in the warehouse?
-- Grain: adcode x report_year.
-- Counties: core_counties (every county a harvest run was asked to crawl, plus any county with a report).
-- Years: from the smallest to the largest report_year of any report in the warehouse (withdrawn included);
-- to fix the range yourself, set DuckDB variables first: SET VARIABLE coverage_first_year = 2019;
-- SET VARIABLE coverage_last_year = 2024;  (each one alone works too).
-- coverage_status, first match wins:
--   loaded        an active report for that county and year;
--   withdrawn     the report was loaded once and has since disappeared from the portal;
--   portal_failed no report, and the county's last crawl failed or was blocked (the portal could not be read);
--   not_crawled   no report, and the county was never crawled or its last crawl was skipped;
--   missing       no report, and the last crawl read the county's report column fine.
-- is_past_deadline: the publication deadline (31 March of report_year + 1) had passed at the last crawl.
CREATE OR REPLACE VIEW mart_coverage AS
WITH bounds AS (
    SELECT
        coalesce(getvariable('coverage_first_year'), min(report_year)) AS first_year,
        coalesce(getvariable('coverage_last_year'), max(report_year)) AS last_year
    FROM stg_reports
),
years AS (
    SELECT CAST(y.range AS INTEGER) AS report_year
    FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS y
)
SELECT
    c.province,
    c.prefecture,
    c.adcode,
    c.county,
    y.report_year,
    CASE
        WHEN r.is_active THEN 'loaded'
        WHEN r.report_id IS NOT NULL THEN 'withdrawn'
        WHEN c.last_outcome IN ('failed', 'blocked') THEN 'portal_failed'
        WHEN c.last_outcome IS NULL OR c.last_outcome = 'skipped' THEN 'not_crawled'
        ELSE 'missing'
    END AS coverage_status,
    coalesce(r.is_active, false) AS is_loaded,
    r.report_id,
    r.url,
    r.published_date,
    r.withdrawn_at,
    make_date(y.report_year + 1, 3, 31) AS deadline_date,
    make_date(y.report_year + 1, 3, 31) < CAST(c.last_crawled_at AS DATE) AS is_past_deadline,
    c.last_outcome,
    c.last_error,
    c.last_run_id
FROM core_counties AS c
CROSS JOIN years AS y
LEFT JOIN core_reports AS r ON r.adcode = c.adcode AND r.report_year = y.report_year;
