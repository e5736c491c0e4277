-- Every report's current version is its highest loaded version, with the same content hash.
SELECT r.report_id, r.version, max(v.version) AS max_version
FROM core_reports AS r
LEFT JOIN stg_report_versions AS v USING (report_id)
GROUP BY r.report_id, r.version, r.content_sha256
HAVING max(v.version) IS DISTINCT FROM r.version
    OR NOT bool_or(v.version = r.version AND v.content_sha256 = r.content_sha256);
