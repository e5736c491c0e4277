-- core_indicator_version_values: one value per report VERSION x indicator code, by the rule of
-- core_indicator_values (the first exact mention in document order, else the first approximate one), for every
-- version ever loaded — what mart_report_changes compares. Grain: report_id x version x indicator_code.
CREATE OR REPLACE VIEW core_indicator_version_values AS
SELECT
    report_id,
    version,
    indicator_code,
    value,
    unit,
    is_approx,
    sentence,
    section_path
FROM stg_indicators
QUALIFY row_number() OVER (
    PARTITION BY report_id, version, indicator_code ORDER BY is_approx, char_start, ordinal
) = 1;
