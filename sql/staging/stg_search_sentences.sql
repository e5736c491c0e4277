-- stg_search_sentences: the `search_sentences` table as is (loader-made search rows), every loaded version.
-- Grain: report_id x version x ordinal (sentence order within the version's clean_text).
CREATE OR REPLACE VIEW stg_search_sentences AS
SELECT
    report_id,
    version,
    ordinal,
    char_start,
    char_end,
    sentence,
    folded,
    char_mask
FROM search_sentences;
