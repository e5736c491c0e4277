-- search_hits(query): full-text search in SQL (table macro) — the sentences of active reports holding every
-- term of `query` and none of its `-term`s, with the columns of core_sentences and report_hit_count (matching
-- sentences in the same report), ranked as `countyreports search` ranks them: most matching sentences in the
-- report first, then the later report year, then the later publication, then report and sentence order. Terms
-- are separated by spaces and folded like search_fold(); e.g.
--   SELECT county, report_year, section_path, sentence FROM search_hits('首违不罚 -罚款') LIMIT 20
-- The folded sentences are scanned first; the text, the section and its kind are read for the matches only.
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
),

hits AS MATERIALIZED (
    SELECT
        s.report_id,
        s.version,
        s.ordinal,
        s.char_start,
        s.char_end,
        s.sentence,
        s.folded
    FROM stg_search_sentences AS s, parsed AS p
    WHERE
        len(p.includes) > 0
        AND list_bool_and(list_transform(p.includes, lambda w: contains(s.folded, w)))
        AND NOT coalesce(list_bool_or(list_transform(p.excludes, lambda w: contains(s.folded, w))), false)
),

placed AS (
    SELECT
        h.*,
        sec.section_path
    FROM hits AS h
    ASOF LEFT JOIN (
        SELECT report_id, version, char_start, section_path FROM stg_sections
        WHERE report_id IN (SELECT report_id FROM hits)
    ) AS sec
        ON h.report_id = sec.report_id AND h.version = sec.version AND h.char_start >= sec.char_start
),

kinds AS (
    SELECT
        p.*,
        top.section_kind
    FROM placed AS p
    ASOF LEFT JOIN (
        SELECT report_id, version, char_start, section_kind FROM stg_sections
        WHERE section_level = 1 AND report_id IN (SELECT report_id FROM hits)
    ) AS top
        ON p.report_id = top.report_id AND p.version = top.version AND p.char_start >= top.char_start
)

SELECT
    k.report_id,
    r.adcode,
    r.county,
    r.province,
    r.prefecture,
    r.report_year,
    k.version,
    k.ordinal,
    k.section_path,
    k.section_kind,
    k.sentence,
    k.folded,
    k.char_start,
    k.char_end,
    r.is_active,
    r.published_date,
    r.url,
    count(*) OVER (PARTITION BY k.report_id) AS report_hit_count
FROM kinds AS k
INNER JOIN stg_reports AS r ON k.report_id = r.report_id AND k.version = r.version
WHERE r.is_active
ORDER BY report_hit_count DESC, r.report_year DESC, r.published_date DESC NULLS LAST, k.report_id, k.ordinal;
