-- stg_report_versions: the `report_versions` table renamed/cast only. Grain: report_id x version (every
-- version ever loaded; nothing is overwritten).
CREATE OR REPLACE VIEW stg_report_versions AS
SELECT
    report_id,
    version,
    content_sha256,
    title,
    url,
    published_date,
    clean_text,
    noise,
    fetched_at,
    run_id
FROM report_versions;
