-- stg_reports: the `reports` table renamed/cast only (no filtering). Grain: report_id (one row per report,
-- its latest loaded version; older versions are in stg_report_versions). Withdrawn reports are kept here
-- (status = 'withdrawn', is_active = false).
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
    clean_text,
    noise,
    status,
    status = 'active' AS is_active,
    fetched_at,
    first_seen AS first_seen_at,
    last_seen AS last_seen_at,
    withdrawn_at,
    pages,
    attachment AS attachment_url,
    duplicates AS duplicate_urls,
    encoding,
    site_id_code,
    source
FROM reports;
