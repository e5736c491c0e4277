-- core_report_changes: what changed between two versions of a report — every pair of loaded versions
-- (previous_version < version), for mart_report_changes (consecutive versions) and `countyreports diff` (any two).
-- Grain: report_id x version x previous_version (reports of every status).
-- changed_indicators: the codes whose value differs between the two versions (by the rule of
-- core_indicator_values, per version), one {indicator_code, previous_value, value} each; a code stated in one
-- version only has NULL on the other side; codes with the same value in both are not listed.
-- sections_added / _removed: "path title" of the section paths found in one version only; sections_reworded:
-- paths in both whose title or text differ. sentences_added / _removed_count: sentences (compared in their
-- search fold, so a change of spacing or width is not a change) found in one version only.
-- text_edit_distance: Levenshtein distance between the two clean texts (characters inserted, deleted or replaced).
CREATE OR REPLACE VIEW core_report_changes AS
WITH pairs AS (
    SELECT
        cur.report_id,
        cur.version,
        prev.version AS previous_version,
        cur.url,
        prev.url AS previous_url,
        cur.fetched_at,
        prev.fetched_at AS previous_fetched_at,
        cur.clean_text,
        prev.clean_text AS previous_clean_text
    FROM stg_report_versions AS cur
    INNER JOIN stg_report_versions AS prev
        ON cur.report_id = prev.report_id AND prev.version < cur.version
),

indicator_codes AS (
    SELECT DISTINCT
        p.report_id,
        p.version,
        p.previous_version,
        v.indicator_code
    FROM pairs AS p
    INNER JOIN core_indicator_version_values AS v
        ON p.report_id = v.report_id AND v.version IN (p.version, p.previous_version)
),

indicator_pairs AS (
    SELECT
        c.report_id,
        c.version,
        c.indicator_code,
        o.value AS previous_value,
        n.value
    FROM indicator_codes AS c
    LEFT JOIN core_indicator_version_values AS n
        ON c.report_id = n.report_id AND c.version = n.version AND c.indicator_code = n.indicator_code
    LEFT JOIN core_indicator_version_values AS o
        ON c.report_id = o.report_id AND c.previous_version = o.version AND c.indicator_code = o.indicator_code
),

indicator_changes AS (
    SELECT
        report_id,
        version,
        list(
            {'indicator_code': indicator_code, 'previous_value': previous_value, 'value': value}
            ORDER BY indicator_code
        ) AS changed_indicators
    FROM indicator_pairs
    WHERE value IS DISTINCT FROM previous_value
    GROUP BY report_id, version
),

section_paths AS (
    SELECT DISTINCT
        p.report_id,
        p.version,
        p.previous_version,
        s.section_path
    FROM pairs AS p
    INNER JOIN stg_sections AS s ON p.report_id = s.report_id AND s.version IN (p.version, p.previous_version)
),

section_pairs AS (
    SELECT
        c.report_id,
        c.version,
        n.section_path,
        o.section_path AS previous_section_path,
        n.section_title,
        o.section_title AS previous_section_title,
        n.section_title IS DISTINCT FROM o.section_title OR n.section_text IS DISTINCT FROM o.section_text
            AS is_different
    FROM section_paths AS c
    LEFT JOIN stg_sections AS n
        ON c.report_id = n.report_id AND c.version = n.version AND c.section_path = n.section_path
    LEFT JOIN stg_sections AS o
        ON c.report_id = o.report_id AND c.previous_version = o.version AND c.section_path = o.section_path
),

section_changes AS (
    SELECT
        report_id,
        version,
        list(section_path || ' ' || section_title ORDER BY section_path)
            FILTER (WHERE previous_section_path IS NULL) AS sections_added,
        list(previous_section_path || ' ' || previous_section_title ORDER BY previous_section_path)
            FILTER (WHERE section_path IS NULL) AS sections_removed,
        list(section_path ORDER BY section_path)
            FILTER (WHERE section_path IS NOT NULL AND previous_section_path IS NOT NULL AND is_different)
            AS sections_reworded
    FROM section_pairs
    GROUP BY report_id, version
),

sentence_sets AS (
    SELECT
        p.report_id,
        p.version,
        list_distinct(list(s.folded) FILTER (WHERE s.version = p.version)) AS cur_sentences,
        list_distinct(list(s.folded) FILTER (WHERE s.version = p.previous_version)) AS prev_sentences
    FROM pairs AS p
    INNER JOIN stg_search_sentences AS s
        ON p.report_id = s.report_id AND s.version IN (p.version, p.previous_version)
    GROUP BY p.report_id, p.version
)

SELECT
    r.province,
    r.prefecture,
    r.adcode,
    r.county,
    r.report_year,
    p.report_id,
    p.version,
    p.previous_version,
    r.status,
    p.url,
    p.previous_url,
    p.fetched_at,
    p.previous_fetched_at,
    length(p.clean_text) AS text_char_count,
    length(p.previous_clean_text) AS previous_text_char_count,
    levenshtein(p.clean_text, p.previous_clean_text) AS text_edit_distance,
    len(list_filter(ss.cur_sentences, lambda x: NOT list_contains(ss.prev_sentences, x)))
        AS sentences_added_count,
    len(list_filter(ss.prev_sentences, lambda x: NOT list_contains(ss.cur_sentences, x)))
        AS sentences_removed_count,
    coalesce(len(ic.changed_indicators), 0) AS changed_indicator_count,
    coalesce(ic.changed_indicators, []) AS changed_indicators,
    coalesce(sc.sections_added, []) AS sections_added,
    coalesce(sc.sections_removed, []) AS sections_removed,
    coalesce(sc.sections_reworded, []) AS sections_reworded
FROM pairs AS p
INNER JOIN stg_reports AS r ON p.report_id = r.report_id
LEFT JOIN indicator_changes AS ic ON p.report_id = ic.report_id AND p.version = ic.version
LEFT JOIN section_changes AS sc ON p.report_id = sc.report_id AND p.version = sc.version
LEFT JOIN sentence_sets AS ss ON p.report_id = ss.report_id AND p.version = ss.version;
