-- Every indicator mention's surface is the exact text at its offsets in its report version's clean text,
-- and lies inside its sentence: each number can be traced back to the words that state it.
SELECT i.report_id, i.version, i.ordinal, i.surface
FROM stg_indicators AS i
JOIN stg_report_versions AS v USING (report_id, version)
WHERE substring(v.clean_text, i.char_start + 1, i.char_end - i.char_start) IS DISTINCT FROM i.surface
    OR strpos(i.sentence, i.surface) = 0;
