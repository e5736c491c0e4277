-- stg_indicators: one row per coded indicator mention of a report's latest version.
-- Grain: report_id x ordinal (mention order within the report).
CREATE OR REPLACE VIEW stg_indicators AS
SELECT
    i.report_id,
    i.version,
    i.ordinal,
    i.code AS indicator_code,
    i.value,
    i.unit,
    i.approx AS is_approx,
    i.from_value,
    i.section_path,
    i.surface,
    i.sentence,
    i.char_start,
    i.char_end
FROM indicators AS i
JOIN reports AS r ON r.report_id = i.report_id AND r.version = i.version;
