-- Every report's latest version has its preamble section (ordinal 0, path '') and a level-1 section.
SELECT r.report_id
FROM core_reports AS r
LEFT JOIN core_sections AS s USING (report_id)
GROUP BY r.report_id
HAVING NOT coalesce(bool_or(s.ordinal = 0 AND s.section_path = ''), false)
    OR NOT coalesce(bool_or(s.section_level = 1), false);
