-- core_indicator_values: one value per report (latest version, active or withdrawn) x indicator code.
-- Grain: report_id x indicator_code.
--
-- THE RULE for a code mentioned several times in one report: take the first EXACT mention in document order;
-- when every mention is approximate (余/多/近/约/超过...), the first approximate one. Ties cannot happen
-- (char_start, then the mention ordinal, orders them). Why: repeats are nearly always the same figure restated,
-- often rounded, in the court-judgments or summary section; the exact figure is the precise one and the first
-- statement is the one in the measures section where the topic is reported. mention_count and
-- distinct_value_count say how many mentions were folded and whether they disagreed; sum_distinct_value is
-- kept for the rare code whose mentions are parts (offline + online sessions) that a user may prefer to add.
-- Stated changes (value_kind 'change', 较上年增加12件) are never a value: they are left out here (and so from
-- every view built on this one); core_indicator_mentions keeps them.
CREATE OR REPLACE VIEW core_indicator_values AS
WITH mentions AS (
    SELECT
        i.*,
        r.adcode,
        r.province,
        r.report_year,
        r.text_source,
        row_number() OVER (
            PARTITION BY i.report_id, i.indicator_code ORDER BY i.is_approx, i.char_start, i.ordinal
        ) AS pick
    FROM stg_indicators AS i
    JOIN stg_reports AS r ON r.report_id = i.report_id AND r.version = i.version
    WHERE i.value_kind = 'value'
),
agg AS (
    SELECT
        report_id,
        indicator_code,
        count(*) AS mention_count,
        count(DISTINCT value) AS distinct_value_count,
        sum(DISTINCT value) AS sum_distinct_value
    FROM mentions
    GROUP BY report_id, indicator_code
)
SELECT
    k.report_id,
    k.adcode,
    k.province,
    k.report_year,
    k.indicator_code,
    k.value,
    k.unit,
    k.is_approx,
    k.from_value,
    k.surface,
    k.sentence,
    k.section_path,
    k.char_start,
    k.char_end,
    k.ocr_page,
    k.text_source,
    a.mention_count,
    a.distinct_value_count,
    a.sum_distinct_value
FROM mentions AS k
JOIN agg AS a USING (report_id, indicator_code)
WHERE k.pick = 1;
