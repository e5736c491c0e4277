-- mart_report_changes: one row per report x version (its grain), each version >= 2 against the one before it,
-- one row for every report version after the first, and no changed indicator whose value did not change.
SELECT report_id, version, 'duplicate' AS problem
FROM mart_report_changes
GROUP BY report_id, version
HAVING count(*) > 1
UNION ALL
SELECT report_id, version, 'not the previous version' AS problem
FROM mart_report_changes
WHERE previous_version <> version - 1 OR version < 2
UNION ALL
SELECT v.report_id, v.version, 'missing' AS problem
FROM report_versions AS v
WHERE v.version >= 2
    AND NOT EXISTS (
        SELECT 1 FROM mart_report_changes AS m WHERE m.report_id = v.report_id AND m.version = v.version
    )
UNION ALL
SELECT report_id, version, 'unchanged value listed' AS problem
FROM (SELECT report_id, version, unnest(changed_indicators) AS c FROM mart_report_changes)
WHERE c.previous_value IS NOT DISTINCT FROM c.value;
