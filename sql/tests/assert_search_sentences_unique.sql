-- Full-text search rows: one row per report version x sentence (report_id, version, ordinal unique), each
-- sentence a non-empty span of its version's text, ordinals following the text.
SELECT s.report_id, s.version, s.ordinal, 'duplicate' AS problem
FROM search_sentences AS s
GROUP BY s.report_id, s.version, s.ordinal
HAVING count(*) > 1
UNION ALL
SELECT s.report_id, s.version, s.ordinal, 'bad span' AS problem
FROM search_sentences AS s
LEFT JOIN report_versions AS v ON s.report_id = v.report_id AND s.version = v.version
WHERE v.report_id IS NULL OR s.char_start < 0 OR s.char_end <= s.char_start OR s.char_end > length(v.clean_text)
    OR s.folded = '' OR length(s.sentence) <> s.char_end - s.char_start
UNION ALL
SELECT report_id, version, ordinal, 'out of order' AS problem
FROM (
    SELECT *, lag(char_end) OVER (PARTITION BY report_id, version ORDER BY ordinal) AS previous_end
    FROM search_sentences
)
WHERE char_start < previous_end;
