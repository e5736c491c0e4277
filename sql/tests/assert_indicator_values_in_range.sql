-- Normalised values are plausible: values not negative (a stated change, value_kind 'change', is signed),
-- percentages within 0..100 (a change within -100..100), counts whole numbers (approximate counts too: 2100
-- for 两千一百余).
SELECT report_id, ordinal, indicator_code, unit, value, value_kind
FROM core_indicator_mentions
WHERE (value < 0 AND value_kind <> 'change')
    OR (unit = 'percent' AND abs(value) > 100)
    OR (unit IN ('count', 'persons', 'person-times', 'households') AND value <> floor(value))
    OR value_kind NOT IN ('value', 'change');
