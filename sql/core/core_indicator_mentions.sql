-- core_indicator_mentions: every coded indicator mention of each report's latest version (active or
-- withdrawn reports), with its provenance. Grain: report_id x ordinal (document order within the report).
-- value is normalised by the extractor: counts as numbers, money in yuan (万元/亿元 converted), percentages
-- as numbers (98.5 for 98.5%); from_value is the "before" of a before→after statement (由214项压减为195项).
-- value_kind 'change': the mention states a difference (较上年增加12件: value 12; 下降2.4个百分点: -2.4), never
-- the year's value; cues are the words that decided the code.
CREATE OR REPLACE VIEW core_indicator_mentions AS
SELECT
    i.report_id,
    r.adcode,
    r.province,
    r.report_year,
    i.version,
    i.ordinal,
    i.indicator_code,
    i.value,
    i.unit,
    i.is_approx,
    i.from_value,
    i.section_path,
    i.surface,
    i.sentence,
    i.char_start,
    i.char_end,
    i.value_kind,
    i.cues,
    i.ocr_page,
    r.text_source,
    r.url
FROM stg_indicators AS i
JOIN stg_reports AS r ON r.report_id = i.report_id AND r.version = i.version;
