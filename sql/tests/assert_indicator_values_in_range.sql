-- Normalised values are plausible: nothing negative, percentages within 0..100, counts whole numbers
-- (approximate counts too: 2100 for 两千一百余).
SELECT report_id, ordinal, indicator_code, unit, value
FROM core_indicator_mentions
WHERE value < 0
    OR (unit = 'percent' AND value > 100)
    OR (unit IN ('count', 'persons', 'person-times', 'households') AND value <> floor(value));
