-- Every loaded report version with text has its sentences for full-text search, and the stored fold is the
-- current one: the first three sentences of every version, folded again in SQL character by character through
-- search_fold_chars, equal their stored fold (a fold changed without the rows made again shows here).
WITH sample AS (
    SELECT report_id, version, ordinal, sentence, folded
    FROM search_sentences
    WHERE ordinal < 3
),

chars AS (
    SELECT
        report_id,
        version,
        ordinal,
        folded,
        unnest(string_split(sentence, '')) AS ch,
        unnest(range(length(sentence))) AS pos
    FROM sample
),

refolded AS (
    SELECT
        c.report_id,
        c.version,
        c.ordinal,
        any_value(c.folded) AS folded,
        replace(string_agg(coalesce(f.to_char, c.ch), '' ORDER BY c.pos), ' ', '') AS again
    FROM chars AS c
    LEFT JOIN search_fold_chars AS f ON c.ch = f.from_char
    GROUP BY c.report_id, c.version, c.ordinal
)

SELECT v.report_id, v.version, NULL AS ordinal, 'no sentences' AS problem
FROM report_versions AS v
WHERE trim(coalesce(v.clean_text, '')) <> ''
    AND NOT EXISTS (
        SELECT 1 FROM search_sentences AS s WHERE s.report_id = v.report_id AND s.version = v.version
    )
UNION ALL
SELECT report_id, version, ordinal, 'fold differs' AS problem
FROM refolded
WHERE again <> folded;
