-- core_reports: one row per report — its latest version (reposts of the same report in other columns are
-- already folded into it by the loader: `duplicate_url_count`), active or withdrawn.
-- Grain: report_id (= <adcode>-<report_year>; one report per county and year).
-- deadline_date is the regulatory deadline for publishing the report: 31 March of the year after report_year
-- (《法治政府建设与责任落实督察工作规定》 第二十五条: 每年4月1日之前 向社会公开).
CREATE OR REPLACE VIEW core_reports AS
WITH versions AS (
    SELECT
        report_id,
        count(*) AS version_count,
        min(fetched_at) AS first_fetched_at
    FROM stg_report_versions
    GROUP BY report_id
)
SELECT
    r.report_id,
    r.adcode,
    r.county,
    r.province,
    r.prefecture,
    r.report_year,
    r.title,
    r.url,
    r.published_date,
    r.signed_date,
    make_date(r.report_year + 1, 3, 31) AS deadline_date,
    r.issuer,
    r.source,
    r.version,
    coalesce(v.version_count, 0) AS version_count,
    r.status,
    r.is_active,
    r.content_sha256,
    length(r.clean_text) AS text_char_count,
    r.noise,
    len(coalesce(r.pages, [])) AS page_count,
    r.attachment_url,
    r.attachment_url IS NOT NULL AS is_attachment_only,
    r.duplicate_urls,
    len(coalesce(r.duplicate_urls, [])) AS duplicate_url_count,
    r.encoding,
    r.text_source,
    r.read_state,
    r.read_state = 'ok' AS is_text_read,
    r.read_reason,
    r.ocr_confidence,
    len(r.image_urls) AS image_count,
    r.first_seen_at,
    r.last_seen_at,
    r.withdrawn_at,
    r.fetched_at
FROM stg_reports AS r
LEFT JOIN versions AS v USING (report_id);
