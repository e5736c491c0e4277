-- stg_county_runs: the `county_runs` table joined to its run's start time (renamed/cast only).
-- Grain: run_id x adcode (one row per county per harvest run).
CREATE OR REPLACE VIEW stg_county_runs AS
SELECT
    c.run_id,
    c.adcode,
    c.county,
    c.outcome,
    c.error,
    c.column_url,
    c.reports_found AS reports_found_count,
    c.new_reports AS new_reports_count,
    c.new_versions AS new_versions_count,
    c.requests AS requests_count,
    c.pages_parsed AS pages_parsed_count,
    c.warnings,
    c.started_at,
    c.finished_at,
    r.kind AS run_kind,
    r.started_at AS run_started_at
FROM county_runs AS c
LEFT JOIN runs AS r ON r.run_id = c.run_id;
