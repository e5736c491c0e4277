-- stg_indicators: the `indicators` table renamed/cast only, every loaded version.
-- Grain: report_id x version x ordinal (mention order within the version).
CREATE OR REPLACE VIEW stg_indicators AS
SELECT
    report_id,
    version,
    ordinal,
    code AS indicator_code,
    value,
    unit,
    approx AS is_approx,
    from_value,
    section_path,
    surface,
    sentence,
    char_start,
    char_end,
    coalesce(value_kind, 'value') AS value_kind,
    cues,
    ocr_page
FROM indicators;
