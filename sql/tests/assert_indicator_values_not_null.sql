-- Every value has a code, a number, a unit, a surface and a sentence.
SELECT report_id, ordinal, indicator_code
FROM core_indicator_mentions
WHERE indicator_code IS NULL OR value IS NULL OR unit IS NULL OR is_approx IS NULL OR surface IS NULL
    OR sentence IS NULL OR section_path IS NULL OR char_start IS NULL OR char_end IS NULL
    OR isnan(value) OR isinf(value);
