-- Every indicator mention points at a section of the same report version.
SELECT i.report_id, i.version, i.ordinal, i.section_path
FROM stg_indicators AS i
LEFT JOIN stg_sections AS s
    ON s.report_id = i.report_id AND s.version = i.version AND s.section_path = i.section_path
WHERE s.report_id IS NULL;
