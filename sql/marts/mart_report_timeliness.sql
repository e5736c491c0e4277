-- mart_report_timeliness: when each report was published against the deadline, and which mandated parts it
-- contains. Grain: report_id (active reports, latest version).
-- deadline_date: 31 March of the year after report_year (reports are due before 1 April). days_late =
-- published_date - deadline_date when positive, else 0 (NULL when the publication date is unknown).
-- The five mandated parts are the level-1 section kinds (section_kind or section_secondary_kind):
-- measures_results (主要举措和成效), leader_duties (党政主要负责人履行推进法治建设第一责任人职责),
-- court_judgments (行政诉讼/复议/司法建议 — 人民法院生效判决), shortcomings (存在的不足), next_year_plan
-- (下一年度工作安排). is_complete: all five are present.
CREATE OR REPLACE VIEW mart_report_timeliness AS
WITH kinds AS (
    SELECT report_id, section_kind AS kind FROM core_sections WHERE section_level = 1
    UNION
    SELECT report_id, section_secondary_kind FROM core_sections
    WHERE section_level = 1 AND section_secondary_kind IS NOT NULL
),
parts AS (
    SELECT
        report_id,
        bool_or(kind = 'measures_results') AS has_measures_results,
        bool_or(kind = 'leader_duties') AS has_leader_duties,
        bool_or(kind = 'court_judgments') AS has_court_judgments,
        bool_or(kind = 'shortcomings') AS has_shortcomings,
        bool_or(kind = 'next_year_plan') AS has_next_year_plan
    FROM kinds
    GROUP BY report_id
),
flags AS (
    SELECT
        r.*,
        coalesce(p.has_measures_results, false) AS has_measures_results,
        coalesce(p.has_leader_duties, false) AS has_leader_duties,
        coalesce(p.has_court_judgments, false) AS has_court_judgments,
        coalesce(p.has_shortcomings, false) AS has_shortcomings,
        coalesce(p.has_next_year_plan, false) AS has_next_year_plan
    FROM core_reports AS r
    LEFT JOIN parts AS p USING (report_id)
    WHERE r.is_active
)
SELECT
    province,
    prefecture,
    adcode,
    county,
    report_year,
    report_id,
    title,
    url,
    published_date,
    signed_date,
    deadline_date,
    greatest(published_date - deadline_date, 0) AS days_late,
    published_date <= deadline_date AS is_on_time,
    has_measures_results,
    has_leader_duties,
    has_court_judgments,
    has_shortcomings,
    has_next_year_plan,
    CAST(has_measures_results AS INTEGER) + CAST(has_leader_duties AS INTEGER)
    + CAST(has_court_judgments AS INTEGER) + CAST(has_shortcomings AS INTEGER)
    + CAST(has_next_year_plan AS INTEGER) AS mandated_parts_count,
    list_concat(
        CASE WHEN has_measures_results THEN []::VARCHAR[] ELSE ['measures_results'] END,
        CASE WHEN has_leader_duties THEN []::VARCHAR[] ELSE ['leader_duties'] END,
        CASE WHEN has_court_judgments THEN []::VARCHAR[] ELSE ['court_judgments'] END,
        CASE WHEN has_shortcomings THEN []::VARCHAR[] ELSE ['shortcomings'] END,
        CASE WHEN has_next_year_plan THEN []::VARCHAR[] ELSE ['next_year_plan'] END
    ) AS missing_parts,
    has_measures_results AND has_leader_duties AND has_court_judgments AND has_shortcomings
    AND has_next_year_plan AS is_complete
FROM flags;
