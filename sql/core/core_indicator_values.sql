-- core_indicator_values: one value per active report x indicator code.
-- Grain: report_id x indicator_code.
-- Rule for a code mentioned several times in one report: the first exact (not approximate) mention in
-- document order; when every mention is approximate, the first approximate one. (Repeats are usually the
-- same figure restated, often rounded, in the court-judgments or summary section.) `n_mentions` and
-- `n_distinct_values` tell how many mentions were folded, `sum_distinct_value` is kept for codes whose
-- mentions are parts (offline + online sessions) that a user may prefer to add up.
CREATE OR REPLACE VIEW core_indicator_values AS
WITH ranked AS (
    SELECT
        i.*,
        row_number() OVER (
            PARTITION BY i.report_id, i.indicator_code ORDER BY i.is_approx, i.char_start
        ) AS pick
    FROM stg_indicators AS i
    JOIN stg_reports AS r ON r.report_id = i.report_id AND r.is_active
),
agg AS (
    SELECT
        report_id,
        indicator_code,
        count(*) AS n_mentions,
        count(DISTINCT value) AS n_distinct_values,
        sum(DISTINCT value) AS sum_distinct_value
    FROM ranked
    GROUP BY report_id, indicator_code
)
SELECT
    k.report_id,
    k.indicator_code,
    k.value,
    k.unit,
    k.is_approx,
    k.from_value,
    k.surface,
    k.sentence,
    k.section_path,
    a.n_mentions,
    a.n_distinct_values,
    a.sum_distinct_value
FROM ranked AS k
JOIN agg AS a USING (report_id, indicator_code)
WHERE k.pick = 1;
