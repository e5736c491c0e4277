-- stg_reports: one row per report (latest version), renamed/cast only. Grain: report_id.
CREATE OR REPLACE VIEW stg_reports AS
SELECT
    report_id,
    adcode,
    county,
    province,
    prefecture,
    report_year,
    title,
    url,
    published_date,
    signed_date,
    issuer,
    version,
    content_sha256,
    noise,
    status,
    status = 'active' AS is_active,
    fetched_at,
    first_seen,
    last_seen,
    withdrawn_at
FROM reports;
