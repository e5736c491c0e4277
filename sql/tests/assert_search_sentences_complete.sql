-- Every loaded report version with text has its sentences for full-text search, and every stored sentence is
-- the search fold of its text: search_fold (SQL) of the sentence equals the loader's fold (Python).
SELECT v.report_id, v.version, NULL AS ordinal, 'no sentences' AS problem
FROM report_versions AS v
WHERE trim(coalesce(v.clean_text, '')) <> ''
    AND NOT EXISTS (
        SELECT 1 FROM search_sentences AS s WHERE s.report_id = v.report_id AND s.version = v.version
    )
UNION ALL
SELECT report_id, version, ordinal, 'fold differs' AS problem
FROM core_sentences
WHERE search_fold(sentence) <> folded;
