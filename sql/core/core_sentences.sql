-- core_sentences: every sentence of each report's latest version (active or withdrawn reports), with its
-- search fold and the section that holds it. Grain: report_id x ordinal (sentence order within the text).
-- sentence = clean_text[char_start, char_end): sentences end at 。；;!！?？ and at line breaks (a heading line is
-- a sentence of its own), as the indicators' sentences do. folded is the sentence's search fold
-- (countyreports.text.fold: NFKC, traditional → simplified, lower case, whitespace removed): search it with
-- contains(folded, search_fold('首违不罚')), or with the table macro search_hits('首违不罚 -罚款').
-- section_path: the section whose heading starts last at or before the sentence ('' = the preamble);
-- section_kind: the kind of the level-1 section the sentence lies in (NULL before the first one).
CREATE OR REPLACE VIEW core_sentences AS
SELECT
    s.report_id,
    r.adcode,
    r.county,
    r.province,
    r.prefecture,
    r.report_year,
    s.version,
    s.ordinal,
    sec.section_path,
    top.section_kind,
    s.sentence,
    s.folded,
    s.char_start,
    s.char_end,
    r.is_active,
    r.published_date,
    r.url
FROM stg_search_sentences AS s
INNER JOIN stg_reports AS r ON s.report_id = r.report_id AND s.version = r.version
ASOF LEFT JOIN stg_sections AS sec
    ON
        s.report_id = sec.report_id
        AND s.version = sec.version
        AND s.char_start >= sec.char_start
ASOF LEFT JOIN (SELECT * FROM stg_sections WHERE section_level = 1) AS top
    ON
        s.report_id = top.report_id
        AND s.version = top.version
        AND s.char_start >= top.char_start;
