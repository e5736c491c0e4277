-- search_hits(query): full-text search in SQL (table macro) — the sentences of active reports (core_sentences)
-- holding every term of `query` and none of its `-term`s, ranked as `countyreports search` ranks them: most
-- matching sentences in the report first (report_hit_count), then the later report year, then the later
-- publication. Terms are separated by spaces and folded like search_fold(); e.g.
--   SELECT county, report_year, section_path, sentence FROM search_hits('首违不罚 -罚款') LIMIT 20
-- Grain: report_id x ordinal (one row per matching sentence).
CREATE OR REPLACE MACRO search_hits(query) AS TABLE
WITH fold_map AS (
    SELECT
        string_agg(from_char, '' ORDER BY from_char) AS from_chars,
        string_agg(to_char, '' ORDER BY from_char) AS to_chars
    FROM search_fold_chars
),

terms AS (
    SELECT string_split_regex(trim(translate(query, from_chars, to_chars)), ' +') AS words
    FROM fold_map
),

parsed AS (
    SELECT
        list_filter(words, lambda w: w <> '' AND NOT starts_with(w, '-')) AS includes,
        list_transform(list_filter(words, lambda w: starts_with(w, '-') AND length(w) > 1), lambda w: w[2:])
            AS excludes
    FROM terms
)

SELECT
    c.*,
    count(*) OVER (PARTITION BY c.report_id) AS report_hit_count
FROM core_sentences AS c, parsed AS p
WHERE
    c.is_active
    AND len(p.includes) > 0
    AND list_bool_and(list_transform(p.includes, lambda w: contains(c.folded, w)))
    AND NOT coalesce(list_bool_or(list_transform(p.excludes, lambda w: contains(c.folded, w))), false)
ORDER BY report_hit_count DESC, c.report_year DESC, c.published_date DESC NULLS LAST, c.report_id, c.ordinal;
