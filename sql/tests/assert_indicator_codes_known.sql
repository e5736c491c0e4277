-- Every indicator code in the warehouse (any version) is in the taxonomy seed, with the seed's unit.
SELECT i.report_id, i.version, i.ordinal, i.indicator_code, i.unit, c.unit AS expected_unit
FROM stg_indicators AS i
LEFT JOIN stg_indicator_codes AS c USING (indicator_code)
WHERE c.indicator_code IS NULL OR c.unit IS DISTINCT FROM i.unit;
