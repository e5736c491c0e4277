-- mart_admin_disputes: administrative disputes — reconsideration and litigation — per county and year.
-- Grain: adcode x report_year (one row per active report, NULL where the report states nothing).
-- Counts are the values of the codes admin_reconsideration_received/closed/corrected, admin_litigation_cases
-- and admin_litigation_lost (rule of core_indicator_values). Rates in percent:
--   reconsideration_correction_rate_pct = 100 * corrected / closed (纠错率; NULL when closed is unknown or 0);
--   litigation_loss_rate_pct = the loss rate the report states (admin_litigation_loss_rate), else computed
--     100 * lost / cases (is_loss_rate_computed tells which);
--   head_court_appearance_rate_pct = the rate the report states (head_court_appearance_rate).
CREATE OR REPLACE VIEW mart_admin_disputes AS
WITH v AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE indicator_code = 'admin_reconsideration_received') AS received,
        max(value) FILTER (WHERE indicator_code = 'admin_reconsideration_closed') AS closed,
        max(value) FILTER (WHERE indicator_code = 'admin_reconsideration_corrected') AS corrected,
        max(value) FILTER (WHERE indicator_code = 'admin_litigation_cases') AS cases,
        max(value) FILTER (WHERE indicator_code = 'admin_litigation_lost') AS lost,
        max(value) FILTER (WHERE indicator_code = 'admin_litigation_loss_rate') AS loss_rate,
        max(value) FILTER (WHERE indicator_code = 'head_court_appearance_rate') AS appearance_rate
    FROM core_indicator_values
    GROUP BY report_id
)
SELECT
    r.province,
    r.prefecture,
    r.adcode,
    r.county,
    r.report_year,
    r.report_id,
    r.url,
    CAST(v.received AS BIGINT) AS reconsideration_received_count,
    CAST(v.closed AS BIGINT) AS reconsideration_closed_count,
    CAST(v.corrected AS BIGINT) AS reconsideration_corrected_count,
    round(100.0 * v.corrected / nullif(v.closed, 0), 2) AS reconsideration_correction_rate_pct,
    CAST(v.cases AS BIGINT) AS litigation_cases_count,
    CAST(v.lost AS BIGINT) AS litigation_lost_count,
    coalesce(v.loss_rate, round(100.0 * v.lost / nullif(v.cases, 0), 2)) AS litigation_loss_rate_pct,
    v.loss_rate IS NULL AND v.lost IS NOT NULL AND coalesce(v.cases, 0) > 0 AS is_loss_rate_computed,
    v.appearance_rate AS head_court_appearance_rate_pct
FROM core_reports AS r
LEFT JOIN v USING (report_id)
WHERE r.is_active;
